/** What `layerlab --help` and each command's `--help` print. */

export const commandNames = ['new', 'check', 'train', 'predict', 'inspect', 'export', 'import'] as const;
export type CommandName = (typeof commandNames)[number];

export const mainUsage = `Usage: layerlab <command> FILE [options]

Check, train and query LayerLab networks from a terminal, with the same engine as the app.

Commands:
  new --data F   Start a project for your own table (CSV/TSV), with a starter network
  check FILE     Print the network's summary, or what to fix in it
  train FILE     Train the network on the project's data
  predict FILE   Ask a trained project for an answer
  inspect FILE   Show what one layer computes for a question, step by step for a
                 recurrent layer
  export FILE    Write the project as a TypeScript, Keras or PyTorch program, or its
                 trained weights as a tf.js model
  import MODEL   Make a project from a tf.js layers model (model.json and its weights)

Options:
  -h, --help     Show this help; \`layerlab <command> --help\` shows a command's

FILE is a LayerLab project (.layerlab); cli/examples/ has two to start from. A lesson
template (templates/*.json) works too, as the project of its lesson.
Exit status: 0 done, 1 the network has errors or training failed,
2 the command line or the file cannot be used, 130 stopped with Ctrl-C.
`;

export const commandUsage: Record<CommandName, string> = {
  new: `Usage: layerlab new --data FILE|FOLDER [--target COLUMN] --out PROJECT

Starts a project for your own data: a table (a CSV or TSV file, with or without a
header), a text file, or a folder of PNG or JPEG images with a subfolder per class. The
data is held in the project, with a fifth of its rows or images held out as the test
split, and the starter network the app proposes (inputs sized to the features, two small
convolutions for images, a small hidden stack, the output and loss the target implies).
Prints the network's summary, and the files of a folder that could not be read.

Options:
  --data FILE|FOLDER The table, text or folder of images to learn from
  --target COLUMN    The column to predict (default: the last one)
  --task class|value Predict a class or a number (default: guessed from the column)
  --drop-bad-rows    Leave out the rows that cannot be read, instead of refusing the file
  --series W[:H]     Read the target column as a time series: each window of W values
                     predicts the value H steps later (default 1); the last windows test
  --texts COLUMN     Read this column's free text word by word, to classify by the
                     target (default: a column of sentences, when the table has one)
  --words W          Read a text file word by word: each window of W words predicts the
                     next (default: character by character); the text's end tests
  --out PROJECT      The project file to write
  --lang en|es       Language of the problems (default en)
  -h, --help         Show this help
`,
  check: `Usage: layerlab check FILE [--lang en|es] [--variant ID]

Prints the network's Keras-style summary when it has no errors; otherwise each problem
as \`layer: message\`, warnings too. Also checks the network against the project's data.
Exits with 1 when there are errors.

Options:
  --lang en|es   Language of the problems (default en)
  --variant ID   Check a lesson template with its variant ID applied
  -h, --help     Show this help
`,
  train: `Usage: layerlab train FILE [options]

Trains the network on the project's data with its training settings, showing progress on
stderr. Ctrl-C stops after the current batch and still prints the summary. For a lesson
template, also says whether the trained network gives the lesson's expected result.

Options:
  --epochs N         Train for N epochs instead of the project's setting
  --seed N           Seed for the starting weights instead of the project's
  --backend cpu|wasm tf.js backend (default wasm, or cpu for layers WASM cannot train)
  --save OUT         Write the project with its trained weights to OUT
  --data FILE        Train on FILE (or FOLDER of images) instead of the project's data,
                     with the project's choices (target, inputs, scaling, size, split)
  --variant ID       Train a lesson template with its variant ID applied
  --json             One JSON object per line on stdout: each epoch, then the summary
  --lang en|es       Language of the problems (default en)
  -h, --help         Show this help
`,
  predict: `Usage: layerlab predict FILE --input VALUE [options]

Asks a project trained with \`layerlab train FILE --save OUT\` for its answer: the most
likely next characters with their probabilities, or the next number.

Options:
  --input VALUE      Text for a character model ("hel"); numbers for a sequence
                     ("7,8,9" or "[7, 8, 9]"; write --input=-1,2,3 for a leading minus)
  --generate N       Continue the text by N characters or words instead (text models)
  --temperature T    Randomness of --generate, from 0 (always the likeliest) to 10 (default 1)
  --seed N           Seed of --generate's sampling (default 1)
  --top N            How many classes to list (default 5)
  --backend cpu|wasm tf.js backend (default cpu)
  --json             Print the answer as JSON
  --lang en|es       Language of the messages about the input (default en)
  -h, --help         Show this help
`,
  inspect: `Usage: layerlab inspect FILE --input VALUE --layer NAME [options]

Shows what one layer of a project trained with \`layerlab train FILE --save OUT\` computes
for a question, asked as \`predict\` asks it: the layer's output, and for SimpleRNN, LSTM and
GRU (each direction of a Bidirectional) its state after each time step, one row per step.

Options:
  --input VALUE      The question, as predict takes it ("hel"; "7,8,9")
  --layer NAME       The layer's name (as the canvas and \`layerlab check\` show it)
  --gates            Also each gate per step (LSTM: input, forget, candidate, output and
                     the cell's memory; GRU: update, reset, candidate)
  --units N          How many units of each row to print (default 12; --json has all)
  --backend cpu|wasm tf.js backend (default cpu)
  --json             Print the numbers as one JSON object
  --lang en|es       Language of the messages (default en)
  -h, --help         Show this help
`,
  export: `Usage: layerlab export FILE --to ts|keras|pytorch|tfjs --out DIR [options]

Writes the network, its data preparation and its training as a program that runs without
LayerLab, and prints the paths written. Refuses a network with errors, listing them.
  --to ts        model.ts and package.json for tf.js (npm install && npx tsx model.ts);
                 on tf.js' CPU backend it repeats the app's run from the same seed
  --to keras     model.py for TensorFlow 2's Keras
  --to pytorch   model_torch.py for PyTorch
  --to tfjs      model.json and weights.bin, the trained model as tf.loadLayersModel
                 reads it; needs trained weights (layerlab train FILE --save OUT)
For a lesson template the program ends with the lesson's question. A project without data
(an imported model) is written as a program that builds the network, loads its trained
weights from weights.bin (written beside it) and answers one input: --input SAMPLE.json,
or a made-up sample; it prints an OUTPUT line.

Options:
  --to TARGET    ts, keras, pytorch or tfjs
  --out DIR      Folder to write to (made if missing)
  --distributed  Keras: train under tf.distribute.MirroredStrategy; PyTorch: with
                 DistributedDataParallel (start it with torchrun)
  --variant ID   Export a lesson template with its variant ID applied
  --lang en|es   Language of the problems (default en)
  -h, --help     Show this help
`,
  import: `Usage: layerlab import MODEL --out PROJECT [options]

Makes a LayerLab project from a tf.js layers model: MODEL is its model.json, with the
weight files its manifest names in the same folder. The project holds the network, laid
out, and its weights as trained weights (no data, default training settings). Prints the
network's summary; settings LayerLab ignores are listed as warnings. Refuses, saying why,
a layer LayerLab does not know, a weight file outside MODEL's folder, weights that are not
finite float32 numbers, and models of more than 32,000,000 weights (what a project holds).

Options:
  --out PROJECT  The .layerlab file to write
  --name NAME    The project's name (default: the model's file or folder name)
  -h, --help     Show this help
`,
};
