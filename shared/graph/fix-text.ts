/** The label of a one-click fix, in the learner's language. Reads nothing but its arguments. */
import { formatParamValue } from '../layers/param-input.js';
import type { Language } from '../vocabulary/localized.js';
import type { Fix } from '../vocabulary/problems.js';

/** `names` maps node ids to layer names, so the label says which layer changes. */
export function describeFix(fix: Fix, language: Language, names: ReadonlyMap<string, string>): string {
  const es = language === 'es';
  switch (fix.kind) {
    case 'set-param': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      const value = formatParamValue(fix.value);
      return es ? `Poner ${fix.param} = ${value} en ${name}` : `Set ${fix.param} = ${value} on ${name}`;
    }
    case 'insert-layer':
      return es ? `Insertar ${fix.layerKind}` : `Insert ${fix.layerKind}`;
    case 'remove-wires':
      if (fix.wireIds.length === 1) return es ? 'Quitar la conexión' : 'Remove the wire';
      return es ? `Quitar ${fix.wireIds.length} conexiones` : `Remove ${fix.wireIds.length} wires`;
    case 'remove-layer': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      return es ? `Eliminar ${name}` : `Delete ${name}`;
    }
    case 'add-input':
      return es ? 'Añadir un Input' : 'Add an Input';
    case 'set-frozen': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      if (fix.frozen) return es ? `Congelar ${name}` : `Freeze ${name}`;
      return es ? `Descongelar ${name}` : `Unfreeze ${name}`;
    }
    case 'set-generator-end': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      if (fix.on) return es ? `Marcar ${name} como final del generador` : `Mark ${name} as the generator's end`;
      return es ? `Desmarcar ${name} como final del generador` : `Unmark ${name} as the generator's end`;
    }
    case 'add-wire': {
      const source = names.get(fix.source) ?? fix.source;
      const target = names.get(fix.target) ?? fix.target;
      return es ? `Conectar ${source} → ${target}` : `Wire ${source} → ${target}`;
    }
    case 'rename-layer': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      return es ? `Renombrar ${name} a ${fix.name}` : `Rename ${name} to ${fix.name}`;
    }
    case 'drop-carried': {
      const name = names.get(fix.nodeId) ?? fix.nodeId;
      return es ? `Descartar los pesos traídos de ${name}` : `Drop the carried weights of ${name}`;
    }
    case 'set-setting': {
      const value = formatParamValue(fix.value);
      return es ? `Usar ${fix.setting} = ${value}` : `Use ${fix.setting} = ${value}`;
    }
  }
}
