"""PyTorch on the CPU, the baseline for bench/vs-pytorch.ts: the same three networks, batch
sizes and optimiser (Adam, learning rate 0.001) as the tf.js side, trained with a plain loop.

    /usr/bin/python3 bench/pytorch_baseline.py --model lesson|lstm|cnn [--samples N]
        [--epochs N] [--batch N] [--vocabulary N] [--window N] [--threads 2] [--json]

Prints one JSON object (--json) or a line. Times only the training of a fresh model, after an
untimed warm-up run, so importing torch and first-call set-up are not counted.
"""

import argparse
import json
import time

import torch
from torch import nn


class LastStep(nn.Module):
    """A recurrent layer's last output, as Keras' return_sequences=False gives it."""

    def __init__(self, recurrent: nn.Module):
        super().__init__()
        self.recurrent = recurrent

    def forward(self, x):
        output, _ = self.recurrent(x)
        return output[:, -1, :]


def lesson_data():
    """The course's windows of 3 over "hello world", one-hot, with the next character's index."""
    text = "hello world"
    vocabulary = sorted(set(text))
    windows = len(text) - 3
    x = torch.zeros(windows, 3, len(vocabulary))
    y = torch.zeros(windows, dtype=torch.long)
    for sample in range(windows):
        for step in range(3):
            x[sample, step, vocabulary.index(text[sample + step])] = 1
        y[sample] = vocabulary.index(text[sample + 3])
    return x, y


def build(args, generator):
    """The network and its data. Softmax sits in the loss (CrossEntropyLoss), as PyTorch does it."""
    if args.model == "lesson":
        x, y = lesson_data()
        model = nn.Sequential(LastStep(nn.RNN(x.shape[2], 50, batch_first=True)), nn.Linear(50, x.shape[2]))
        return model, x, y
    if args.model == "lstm":
        size = args.vocabulary
        indices = torch.randint(0, size, (args.samples, args.window), generator=generator)
        x = nn.functional.one_hot(indices, size).float()
        y = torch.randint(0, size, (args.samples,), generator=generator)
        model = nn.Sequential(LastStep(nn.LSTM(size, 128, batch_first=True)), nn.Linear(128, size))
        return model, x, y
    if args.model == "cnn":
        x = torch.rand(args.samples, 1, 28, 28, generator=generator)
        y = torch.randint(0, 10, (args.samples,), generator=generator)
        model = nn.Sequential(
            nn.Conv2d(1, 8, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(16 * 5 * 5, 10),
        )
        return model, x, y
    raise ValueError(args.model)


def train(model, x, y, epochs, batch):
    """Adam, shuffled batches, loss and accuracy per epoch, as Keras' fit computes them."""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_function = nn.CrossEntropyLoss()
    samples = x.shape[0]
    logs = {}
    for _ in range(epochs):
        order = torch.randperm(samples)
        total_loss = torch.zeros(())
        correct = torch.zeros(())
        for start in range(0, samples, batch):
            chosen = order[start : start + batch]
            optimizer.zero_grad()
            output = model(x[chosen])
            loss = loss_function(output, y[chosen])
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                total_loss += loss.detach() * len(chosen)
                correct += (output.argmax(1) == y[chosen]).sum()
        logs = {"loss": float(total_loss) / samples, "accuracy": float(correct) / samples}
    return logs


def blas_libraries():
    """The BLAS and LAPACK this process loaded: Debian's reference build or OpenBLAS, chosen by
    update-alternatives or LD_LIBRARY_PATH. PyTorch's speed on small networks depends on it."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line or "lapack" in line}
    except OSError:
        return []
    return sorted(path.rsplit("/", 1)[-1] for path in paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["lesson", "lstm", "cnn"], required=True)
    parser.add_argument("--samples", type=int, default=256, help="windows or images (the lesson has 8)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--vocabulary", type=int, default=30, help="lstm: characters")
    parser.add_argument("--window", type=int, default=40, help="lstm: time steps")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    generator = torch.Generator().manual_seed(42)

    warm_model, warm_x, warm_y = build(args, generator)
    train(warm_model, warm_x[: 2 * args.batch], warm_y[: 2 * args.batch], 2, args.batch)

    model, x, y = build(args, generator)
    wall, cpu = time.perf_counter(), time.process_time()
    logs = train(model, x, y, args.epochs, args.batch)
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu

    trained = x.shape[0] * args.epochs
    result = {
        "model": args.model,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas_libraries(),
        "samples": trained,
        "batch": args.batch,
        "seconds": seconds,
        "cpuSeconds": cpu_seconds,
        "samplesPerSecond": trained / seconds,
        "samplesPerCpuSecond": trained / cpu_seconds,
        "finalLogs": logs,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.model}: {result['samplesPerSecond']:.0f} samples/s ({trained} samples in {seconds:.2f} s)")


if __name__ == "__main__":
    main()
