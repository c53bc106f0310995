/**
 * Every layer kind, as each export writes it: the key fragments of its TypeScript, Keras and
 * PyTorch code; the tf.js model the TypeScript builds, weight for weight the one LayerLab's
 * compiler builds from the same seed; and the PyTorch module run on Debian's torch, giving Keras'
 * shapes with the parameter count LayerLab computes for PyTorch. The Python checks run in one
 * process for all probes (a few seconds, most of it importing torch).
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { layerProbes } from '../../tests/helpers/layer-probes';
import { compileGraph } from '../graph/compile';
import { layerKinds } from '../layers/registry';
import { writeKerasModel } from './keras';
import { planNetwork, type NetworkPlan } from './plan';
import { pytorchParameterCount, writePytorchModule } from './pytorch';
import { writeTypeScriptModel } from './typescript';

const python = '/usr/bin/python3';

function networkOf(label: string): NetworkPlan {
  const probe = layerProbes.find((candidate) => candidate.label === label);
  const planned = probe ? planNetwork(probe.graph) : null;
  if (!planned?.ok) throw new Error(`${label} does not plan`);
  return planned.network;
}

function probed(network: NetworkPlan) {
  const found = network.layers.find((layer) => layer.node.name === 'probe') ?? network.layers[0];
  if (!found) throw new Error('no layer');
  return found;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('layer code', () => {
  it('probes every layer kind', () => {
    expect(new Set(layerProbes.map((probe) => probe.kind))).toEqual(new Set(layerKinds));
  });

  describe.each(layerProbes.map((probe) => [probe.label, probe.kind] as const))('%s', (label, kind) => {
    const network = networkOf(label);
    const layer = probed(network);

    it('renders in TypeScript, Keras and PyTorch', () => {
      const typescript = writeTypeScriptModel(network, 1);
      expect(typescript).toContain(`name: "probe"`);

      const keras = writeKerasModel(network).join('\n');
      const kerasCall = kind === 'Input' ? 'keras.Input(' : `layers.${kind}(`;
      expect(keras).toContain(kerasCall);
      expect(keras).toContain('name="probe"');

      const torch = layer.def.code.pytorch(layer.node.params as never, {
        name: '"probe"',
        inputs: layer.inputs,
        output: layer.output,
        attribute: 'self.probe',
      });
      const inputs = layer.inputs.map((_, index) => `input_${index}`);
      const forward = torch.forward(inputs.length > 0 ? inputs : ['x']);
      for (const input of inputs) expect(forward).toContain(input);
      if (torch.module !== null) {
        expect(torch.module).toMatch(/^nn\.[A-Z]\w*\(/);
        expect(forward).toContain('self.probe');
      }
    });

    it('builds in tf.js with the weights LayerLab’s compiler draws', () => {
      const source = writeTypeScriptModel(network, 7);
      const javascript = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const exported = new Function('tf', `${javascript}\nreturn model;`)(tf) as tf.LayersModel;
      log.mockRestore();
      const compiled = compileGraph(
        layerProbes.find((probe) => probe.label === label)?.graph ?? { nodes: [], wires: [] },
        tf,
        { seed: 7 },
      );
      if (!compiled.ok) throw new Error('the probe does not compile');
      const ours = exported.getWeights();
      const theirs = compiled.model.getWeights();
      expect(ours.map((weight) => weight.shape)).toEqual(theirs.map((weight) => weight.shape));
      ours.forEach((weight, index) => {
        expect(Array.from(weight.dataSync())).toEqual(Array.from(theirs[index]?.dataSync() ?? []));
      });
      expect(exported.outputs[0]?.shape).toEqual(compiled.model.outputs[0]?.shape);
      exported.dispose();
      compiled.model.dispose();
    });
  });
});

describe('on Debian’s python3-torch', () => {
  /** Each probe's module, run on random inputs: the output's shape and the parameter count. */
  const script = `
import ast, json, sys
import torch
from torch import nn
import torch.nn.functional as F

results = []
for probe in json.loads(sys.stdin.read()):
    ast.parse(probe["keras"])
    namespace = {"torch": torch, "nn": nn, "F": F}
    exec(probe["module"], namespace)
    network = namespace["Network"]()
    network.eval()
    inputs = [
        torch.zeros(2, *shape, dtype=torch.long) if whole else torch.rand(2, *shape)
        for shape, whole in probe["inputs"]
    ]
    with torch.no_grad():
        output = network(*inputs)
    count = sum(parameter.numel() for parameter in network.parameters())
    results.append({"label": probe["label"], "shape": list(output.shape), "params": count})
print(json.dumps(results))
`;

  /**
   * Importing torch and running every probe takes a few seconds alone, and over 30 s beside the
   * template tests on a shared 2-core machine (CI saw it): the test and Python get the same limit.
   */
  const pythonProbeTimeout = 120_000;

  it(
    'every probe’s module gives Keras’ output shape and LayerLab’s PyTorch parameter count',
    () => {
      const probes = layerProbes.map((probe) => {
        const network = networkOf(probe.label);
        return {
          label: probe.label,
          keras: writeKerasModel(network).join('\n'),
          module: writePytorchModule(network),
          inputs: network.inputs.map((input) => [
            input.output.slice(1),
            input.node.kind === 'Input' && input.node.params.dtype === 'int32',
          ]),
          expected: {
            shape: [2, ...(network.outputs[0]?.output.slice(1) ?? [])],
            params: pytorchParameterCount(network),
          },
        };
      });
      const output = execFileSync(python, ['-c', script], {
        input: JSON.stringify(probes),
        encoding: 'utf8',
        timeout: pythonProbeTimeout,
      });
      const results = JSON.parse(output) as { label: string; shape: number[]; params: number }[];
      expect(results.map(({ label, shape, params }) => ({ label, shape, params }))).toEqual(
        probes.map(({ label, expected }) => ({ label, ...expected })),
      );
    },
    pythonProbeTimeout,
  );
});
