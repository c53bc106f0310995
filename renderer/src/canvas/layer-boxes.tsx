/**
 * Where the layers are on the canvas, as boxes, read once for all the wires: each wire's label
 * looks for a free place among the layers near it. Read by every wire on every change of the view,
 * the boxes of 500 layers cost 665 wires × 500 layers a frame while panning (bench/canvas-size.ts);
 * read here once a change and filed in a grid, a label asks only the cells it would cover.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type LayerBox = Box & { id: string };

/** The side of a cell of the grid, in canvas pixels: about a layer's width. */
const cell = 256;

/** The layers' boxes by id, and those that may overlap a given box. */
export interface LayerBoxes {
  of(id: string): Box | undefined;
  near(box: Box): readonly Box[];
}

/** Files `boxes` in a grid of cells, each box in every cell it covers. */
export function layerBoxes(boxes: readonly LayerBox[]): LayerBoxes {
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const cells = new Map<string, LayerBox[]>();
  const span = (from: number, size: number) => [Math.floor(from / cell), Math.floor((from + size) / cell)] as const;
  for (const box of boxes) {
    const [left, right] = span(box.x, box.width);
    const [top, bottom] = span(box.y, box.height);
    for (let column = left; column <= right; column += 1)
      for (let row = top; row <= bottom; row += 1) {
        const key = `${column},${row}`;
        const filed = cells.get(key);
        if (filed) filed.push(box);
        else cells.set(key, [box]);
      }
  }
  return {
    of: (id) => byId.get(id),
    near(box) {
      const [left, right] = span(box.x, box.width);
      const [top, bottom] = span(box.y, box.height);
      const found = new Set<LayerBox>();
      for (let column = left; column <= right; column += 1)
        for (let row = top; row <= bottom; row += 1)
          for (const filed of cells.get(`${column},${row}`) ?? []) found.add(filed);
      return [...found];
    },
  };
}

const sameBoxes = (a: readonly LayerBox[], b: readonly LayerBox[]) =>
  a.length === b.length &&
  a.every((box, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      box.id === other.id &&
      box.x === other.x &&
      box.y === other.y &&
      box.width === other.width &&
      box.height === other.height
    );
  });

const boxesOf = (state: ReactFlowState): LayerBox[] =>
  [...state.nodeLookup.values()].map((node) => ({
    id: node.id,
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? 0,
    height: node.measured.height ?? 0,
  }));

const Boxes = createContext<LayerBoxes>(layerBoxes([]));

/** Gives the wires below it the layers' boxes, read once per change of the canvas' store. */
export function LayerBoxesProvider({ children }: { children: ReactNode }) {
  const boxes = useStore(boxesOf, sameBoxes);
  const filed = useMemo(() => layerBoxes(boxes), [boxes]);
  return <Boxes.Provider value={filed}>{children}</Boxes.Provider>;
}

export const useLayerBoxes = (): LayerBoxes => useContext(Boxes);
