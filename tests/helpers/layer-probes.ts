/**
 * One small valid network per layer example (each LayerDef's `examples`: the plain layer and each
 * variant whose code differs), for the tests that go through every kind: the layer under test is
 * always the one named `probe`. Derived from the registry, so a new kind is probed by its own file.
 */
import { exampleNetworks, type ExampleNetwork } from '../../shared/graph/examples';

export type Probe = ExampleNetwork;

export const layerProbes: Probe[] = exampleNetworks();
