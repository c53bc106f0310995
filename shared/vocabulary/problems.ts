/**
 * The catalogue of everything LayerLab can find wrong with a network: one code, one severity, one
 * message per language that says what is wrong and how to fix it. Every check reports through
 * this table, so wording is reviewed in one place (xyflow's numbered error catalogue).
 * Reads nothing but its arguments.
 */
import { localize, type Language, type Localized } from './localized.js';

export type Severity = 'error' | 'warning';

/** A value a fix sets: any layer parameter's or training setting's (layers/params.ts' `FixValue`). */
export type FixValue = number | string | boolean | null | (number | null)[];
export type ProblemValues = Readonly<Record<string, string | number>>;

interface ProblemDef {
  readonly severity: Severity;
  readonly message: (values: ProblemValues) => Localized;
}

const v = (values: ProblemValues, key: string): string => String(values[key] ?? '?');
/** A value that lists names, one per line (`\n`), written as a list in `language`: "A, B and C". */
const list = (values: ProblemValues, key: string, language: Language): string =>
  new Intl.ListFormat(language, { type: 'conjunction' }).format(v(values, key).split('\n'));

const error = (message: (values: ProblemValues) => Localized): ProblemDef => ({ severity: 'error', message });
const warning = (message: (values: ProblemValues) => Localized): ProblemDef => ({ severity: 'warning', message });

export const problemCatalogue = {
  // The graph as a whole.
  'graph.no-input': error(() => ({
    en: 'The network has no Input layer. Add one from the palette: it tells the network the shape of its data.',
    es: 'La red no tiene capa Input. Añade una desde la paleta: le dice a la red la forma de sus datos.',
  })),
  'graph.no-output': error(() => ({
    en: 'Nothing comes out of the network. Wire at least one layer after the Input.',
    es: 'De la red no sale nada. Conecta al menos una capa después del Input.',
  })),
  'graph.cycle': error((x) => ({
    en: `These wires make a loop: ${v(x, 'path')}. Data must flow one way; remove one of these wires.`,
    es: `Estas conexiones forman un bucle: ${v(x, 'path')}. Los datos deben fluir en un solo sentido; quita una de ellas.`,
  })),
  'graph.missing-endpoint': error(() => ({
    en: 'This wire points to a layer that no longer exists. Remove it.',
    es: 'Esta conexión apunta a una capa que ya no existe. Quítala.',
  })),
  'graph.input-has-wire': error((x) => ({
    en: `${v(x, 'name')} is an Input: nothing can be wired into it. Remove the wire from ${v(x, 'from')}.`,
    es: `${v(x, 'name')} es un Input: no se le puede conectar nada. Quita la conexión desde ${v(x, 'from')}.`,
  })),
  'graph.unconnected-input': error((x) => ({
    en: `${v(x, 'name')} has nothing wired into it. Drag from the output of an earlier layer to its left handle.`,
    es: `A ${v(x, 'name')} no le llega ninguna conexión. Arrastra desde la salida de una capa anterior hasta su punto izquierdo.`,
  })),
  'graph.too-many-inputs': error((x) => ({
    en: `${v(x, 'kind')} takes one input, but ${v(x, 'count')} wires come in (from ${v(x, 'from')}). Keep one, or join them first with Concatenate or Add.`,
    es: `${v(x, 'kind')} recibe una sola entrada, pero le llegan ${v(x, 'count')} conexiones (desde ${v(x, 'from')}). Deja una, o únelas antes con Concatenate o Add.`,
  })),
  'graph.merge-needs-two': error((x) => ({
    en: `${v(x, 'kind')} joins several tensors, but only ${v(x, 'count')} wire comes in. Wire at least two layers into it.`,
    es: `${v(x, 'kind')} une varios tensores, pero solo le llega ${v(x, 'count')} conexión. Conecta al menos dos capas.`,
  })),
  'graph.disconnected': error((x) => ({
    en: `${v(x, 'name')} is not connected to the rest of the network. Wire it in, or delete it.`,
    es: `${v(x, 'name')} no está conectada al resto de la red. Conéctala o elimínala.`,
  })),
  'graph.internal-error': error((x) => ({
    en: `LayerLab could not work out this layer (${v(x, 'detail')}). This is a bug in LayerLab; please report it with your project.`,
    es: `LayerLab no pudo calcular esta capa (${v(x, 'detail')}). Es un fallo de LayerLab; avísanos y adjunta tu proyecto.`,
  })),
  'graph.duplicate-name': error((x) => ({
    en: `Two layers are called "${v(x, 'name')}"; Keras needs every name to be different. Rename one.`,
    es: `Hay dos capas llamadas «${v(x, 'name')}»; Keras necesita nombres distintos. Cambia uno.`,
  })),
  'graph.bad-name': error((x) => ({
    en: `The name ${v(x, 'name')} cannot be used: tf.js and Keras take 1 to 64 letters, digits, “_”, “.” or “-”, starting with a letter or digit (no spaces, accents or other signs). Rename the layer, to ${v(x, 'suggested')} for instance.`,
    es: `El nombre ${v(x, 'name')} no se puede usar: tf.js y Keras admiten de 1 a 64 letras, dígitos, «_», «.» o «-», empezando por una letra o un dígito (sin espacios, tildes ni otros signos). Cambia el nombre de la capa, por ejemplo a ${v(x, 'suggested')}.`,
  })),
  // A parameter.
  'param.invalid': error((x) => ({
    en: `${v(x, 'param')} is ${v(x, 'value')}, but it must be ${v(x, 'allowedEn')}.`,
    es: `${v(x, 'param')} vale ${v(x, 'value')}, pero debe ser ${v(x, 'allowedEs')}.`,
  })),
  // Shapes.
  'shape.needs-sequence': error((x) => ({
    en: `${v(x, 'kind')} needs a sequence (batch, time, features); it gets ${v(x, 'shape')}. ${x['hintEn'] ?? 'Set return_sequences on the recurrent layer before it, or Reshape the data into time steps.'}`,
    es: `${v(x, 'kind')} necesita una secuencia (lote, tiempo, características); recibe ${v(x, 'shape')}. ${x['hintEs'] ?? 'Activa return_sequences en la capa recurrente anterior o usa Reshape para darle pasos de tiempo.'}`,
  })),
  'shape.wrong-rank': error((x) => ({
    en: `${v(x, 'kind')} needs ${v(x, 'expectedEn')}; it gets ${v(x, 'shape')}. ${v(x, 'hintEn')}`,
    es: `${v(x, 'kind')} necesita ${v(x, 'expectedEs')}; recibe ${v(x, 'shape')}. ${v(x, 'hintEs')}`,
  })),
  'shape.unknown-dimension': error((x) => ({
    en: `${v(x, 'kind')} needs to know the size of every axis it works on; it gets ${v(x, 'shape')}. Give the Input a fixed size.`,
    es: `${v(x, 'kind')} necesita conocer el tamaño de cada eje con el que trabaja; recibe ${v(x, 'shape')}. Da al Input un tamaño fijo.`,
  })),
  'shape.window-too-big': error((x) => ({
    en: `The ${v(x, 'param')} ${v(x, 'window')} does not fit in the input ${v(x, 'shape')}: the output would have ${v(x, 'size')} positions along ${v(x, 'axisEn')}. Use a smaller ${v(x, 'param')}, or padding "same".`,
    es: `El ${v(x, 'param')} ${v(x, 'window')} no cabe en la entrada ${v(x, 'shape')}: la salida tendría ${v(x, 'size')} posiciones en ${v(x, 'axisEs')}. Usa un ${v(x, 'param')} menor o padding "same".`,
  })),
  'shape.merge-mismatch': error((x) => ({
    en: `${v(x, 'kind')} needs inputs of the same shape; it gets ${v(x, 'shapes')}. Change the layers before it so their outputs match.`,
    es: `${v(x, 'kind')} necesita entradas con la misma forma; recibe ${v(x, 'shapes')}. Cambia las capas anteriores para que sus salidas coincidan.`,
  })),
  'shape.concat-mismatch': error((x) => ({
    en: `Concatenate joins along axis ${v(x, 'axis')}, so every other axis must match; it gets ${v(x, 'shapes')}.`,
    es: `Concatenate une por el eje ${v(x, 'axis')}, así que los demás ejes deben coincidir; recibe ${v(x, 'shapes')}.`,
  })),
  'shape.axis-out-of-range': error((x) => ({
    en: `Axis ${v(x, 'axis')} does not exist in ${v(x, 'shape')}. Use an axis from 1 to ${v(x, 'max')}, or -1 for the last.`,
    es: `El eje ${v(x, 'axis')} no existe en ${v(x, 'shape')}. Usa un eje de 1 a ${v(x, 'max')}, o -1 para el último.`,
  })),
  'shape.permute-dims': error((x) => ({
    en: `Permute's dims ${v(x, 'dims')} must list each axis from 1 to ${v(x, 'count')} once, in the new order, for an input ${v(x, 'shape')}. For example ${v(x, 'example')} swaps the last two.`,
    es: `Los dims de Permute ${v(x, 'dims')} deben nombrar una vez cada eje de 1 a ${v(x, 'count')}, en el nuevo orden, para una entrada ${v(x, 'shape')}. Por ejemplo, ${v(x, 'example')} intercambia los dos últimos.`,
  })),
  'shape.reshape-size': error((x) => ({
    en: `Reshape cannot turn ${v(x, 'shape')} (${v(x, 'from')} values per sample) into ${v(x, 'target')} (${v(x, 'to')} values). The sizes must multiply to the same number.`,
    es: `Reshape no puede convertir ${v(x, 'shape')} (${v(x, 'from')} valores por muestra) en ${v(x, 'target')} (${v(x, 'to')} valores). Los tamaños deben multiplicar lo mismo.`,
  })),
  'shape.zero-size': error((x) => ({
    en: `This layer's output ${v(x, 'shape')} has an axis of size zero or less, so no data would flow on. Make its window, stride or target smaller.`,
    es: `La salida de esta capa ${v(x, 'shape')} tiene un eje de tamaño cero o menos, así que no pasarían datos. Reduce su ventana, paso o destino.`,
  })),
  'shape.reshape-divide': error((x) => ({
    en: `Reshape cannot work out the -1 in ${v(x, 'target')}: ${v(x, 'shape')} has ${v(x, 'from')} values per sample, which do not divide evenly by ${v(x, 'known')}, the other sizes multiplied. Change the other sizes so that ${v(x, 'known')} divides ${v(x, 'from')}.`,
    es: `Reshape no puede calcular el -1 de ${v(x, 'target')}: ${v(x, 'shape')} tiene ${v(x, 'from')} valores por muestra, que no se dividen exactamente entre ${v(x, 'known')}, el producto de los demás tamaños. Cambia los demás tamaños para que ${v(x, 'known')} divida a ${v(x, 'from')}.`,
  })),
  'shape.too-large': error((x) => ({
    en: `This layer would produce ${v(x, 'shape')}, over ${v(x, 'limit')} values per sample: far more than fits in memory. Use fewer units or a smaller input.`,
    es: `Esta capa produciría ${v(x, 'shape')}, más de ${v(x, 'limit')} valores por muestra: mucho más de lo que cabe en memoria. Usa menos unidades o una entrada menor.`,
  })),
  // Number types.
  'dtype.needs-float': error((x) => ({
    en: `${v(x, 'kind')} cannot take the whole numbers (int32) that ${v(x, 'input')} holds: it computes with float32. Set the dtype of ${v(x, 'input')} to float32, or put an Embedding first if they are token indices.`,
    es: `${v(x, 'kind')} no puede recibir los números enteros (int32) de ${v(x, 'input')}: calcula con float32. Pon el dtype de ${v(x, 'input')} en float32, o pon antes un Embedding si son índices de tokens.`,
  })),
  // Weights carried from another network (transfer learning).
  'layer.carried-mismatch': error((x) => ({
    en: `${v(x, 'name')} carries ${v(x, 'carried')} trained weights from ${v(x, 'from')}, but as it is set now it has ${v(x, 'params')}: they no longer fit. Set it back as it was trained, or drop the carried weights.`,
    es: `${v(x, 'name')} trae ${v(x, 'carried')} pesos entrenados de ${v(x, 'from')}, pero tal como está ahora tiene ${v(x, 'params')}: ya no encajan. Déjala como estaba al entrenarse, o descarta los pesos traídos.`,
  })),
  'export.pytorch-carried': error((x) => ({
    en: `${v(x, 'name')} carries trained weights, and the PyTorch export cannot load those of a ${v(x, 'kind')} yet (it loads ${list(x, 'loads', 'en')}). Export to Keras or TypeScript, which load them all, or drop its carried weights.`,
    es: `${v(x, 'name')} trae pesos entrenados, y la exportación a PyTorch aún no sabe cargar los de una ${v(x, 'kind')} (carga ${list(x, 'loads', 'es')}). Exporta a Keras o TypeScript, que los cargan todos, o descarta sus pesos traídos.`,
  })),
  'export.pytorch-trained': error((x) => ({
    en: `The PyTorch export cannot load the trained weights of a ${v(x, 'kind')} such as ${v(x, 'name')} yet (it loads ${list(x, 'loads', 'en')}). Export to Keras or TypeScript, which load them all.`,
    es: `La exportación a PyTorch aún no sabe cargar los pesos entrenados de una ${v(x, 'kind')} como ${v(x, 'name')} (carga ${list(x, 'loads', 'es')}). Exporta a Keras o TypeScript, que los cargan todos.`,
  })),
  'export.gan-distributed': error((x) => ({
    en: `This network is a GAN (its generator ends at ${v(x, 'name')}): its exported loop trains the generator and the discriminator in turns on one device, and is not written for several GPUs yet. Export it without the several-GPU option.`,
    es: `Esta red es una GAN (su generador termina en ${v(x, 'name')}): su bucle exportado entrena por turnos el generador y el discriminador en un solo dispositivo, y aún no está escrito para varias GPU. Expórtala sin la opción de varias GPU.`,
  })),
  'warn.frozen-untrained': warning((x) => ({
    en: `${v(x, 'name')} is frozen, but its weights are the random ones it starts with: training will never improve them. Bring in trained weights, or unfreeze it.`,
    es: `${v(x, 'name')} está congelada, pero sus pesos son los aleatorios del principio: el entrenamiento nunca los mejorará. Trae pesos entrenados, o descongélala.`,
  })),
  // A GAN: generator and discriminator drawn as one chain, split at a marked layer.
  'gan.two-ends': error((x) => ({
    en: `${v(x, 'name')} is marked as the generator's end, but so is ${v(x, 'first')}: a GAN's generator ends at one layer. Unmark one of them.`,
    es: `${v(x, 'name')} está marcada como final del generador, pero también ${v(x, 'first')}: el generador de una GAN termina en una sola capa. Desmarca una de ellas.`,
  })),
  'gan.end-at-input': error((x) => ({
    en: `${v(x, 'name')} is the Input: the generator needs at least one layer to turn the noise into an image. Mark the layer that gives the image instead.`,
    es: `${v(x, 'name')} es el Input: el generador necesita al menos una capa que convierta el ruido en una imagen. Marca en su lugar la capa que da la imagen.`,
  })),
  'gan.end-at-output': error((x) => ({
    en: `Nothing comes after ${v(x, 'name')}, so there is no discriminator to judge its images. Wire the discriminator's layers after it, ending in Dense(1, sigmoid), or unmark it.`,
    es: `Después de ${v(x, 'name')} no hay nada, así que no hay discriminador que juzgue sus imágenes. Conecta tras ella las capas del discriminador, acabando en Dense(1, sigmoid), o desmárcala.`,
  })),
  'gan.side-input': error((x) => ({
    en: `${v(x, 'name')} is part of the discriminator, which must judge the image alone, but it also takes a wire that does not come through ${v(x, 'end')}, the generator's end. Remove that wire.`,
    es: `${v(x, 'name')} forma parte del discriminador, que debe juzgar solo la imagen, pero recibe además una conexión que no pasa por ${v(x, 'end')}, el final del generador. Quita esa conexión.`,
  })),
  'data.gan-no-end': error(() => ({
    en: "The data asks for a GAN (generate images), but no layer is marked as the generator's end. Select the layer that gives the image and tick “Generator ends here” in the inspector.",
    es: 'Los datos piden una GAN (generar imágenes), pero ninguna capa está marcada como final del generador. Selecciona la capa que da la imagen y marca «El generador termina aquí» en el inspector.',
  })),
  'data.gan-not-generate': error((x) => ({
    en: `${v(x, 'name')} is marked as a GAN generator's end, but the data does not ask to generate images. Choose images with the “generate” task in the data panel, or unmark the layer.`,
    es: `${v(x, 'name')} está marcada como final del generador de una GAN, pero los datos no piden generar imágenes. Elige imágenes con la tarea «generar» en el panel de datos, o desmarca la capa.`,
  })),
  'data.gan-image-shape': error((x) => ({
    en: `The generator must make images shaped like the real ones, ${v(x, 'expected')}; ${v(x, 'name')}, its end, gives ${v(x, 'shape')}. End the generator with a Reshape to ${v(x, 'expected')}.`,
    es: `El generador debe crear imágenes con la forma de las reales, ${v(x, 'expected')}; ${v(x, 'name')}, su final, da ${v(x, 'shape')}. Termina el generador con un Reshape a ${v(x, 'expected')}.`,
  })),
  'data.gan-noise-shape': error((x) => ({
    en: `A generator starts from a vector of random numbers (the noise), so ${v(x, 'name')} must take one axis, such as [16]; it takes ${v(x, 'shape')}.`,
    es: `Un generador parte de un vector de números aleatorios (el ruido), así que ${v(x, 'name')} debe tener un solo eje, por ejemplo [16]; tiene ${v(x, 'shape')}.`,
  })),
  'data.gan-output': error((x) => ({
    en: `The discriminator answers one number per image, the probability that it is real, so the output must be (None, 1) with a sigmoid; ${v(x, 'name')} gives ${v(x, 'shape')}.`,
    es: `El discriminador responde un número por imagen, la probabilidad de que sea real, así que la salida debe ser (None, 1) con sigmoid; ${v(x, 'name')} da ${v(x, 'shape')}.`,
  })),
  'data.gan-loss': error((x) => ({
    en: `A GAN's discriminator tells real from fake, and its generator is trained to fool it: both use binary_crossentropy, not ${v(x, 'loss')}.`,
    es: `El discriminador de una GAN distingue lo real de lo falso, y el generador se entrena para engañarlo: ambos usan binary_crossentropy, no ${v(x, 'loss')}.`,
  })),
  // The network against its data.
  'data.one-input-output': error((x) => ({
    en: `This dataset feeds one Input and checks one output; the network has ${v(x, 'inputs')} Inputs and ${v(x, 'outputs')} outputs.`,
    es: `Este conjunto de datos alimenta un Input y comprueba una salida; la red tiene ${v(x, 'inputs')} Inputs y ${v(x, 'outputs')} salidas.`,
  })),
  'data.several-inputs': error((x) => ({
    en: `The network has ${v(x, 'inputs')} Inputs, but this data feeds one. For your own table (CSV), choose in the data panel which Input reads each column.`,
    es: `La red tiene ${v(x, 'inputs')} Inputs, pero estos datos alimentan uno. Con tu propia tabla (CSV), elige en el panel de datos qué Input lee cada columna.`,
  })),
  'data.input-columns': error((x) => ({
    en: `The data gives ${v(x, 'name')} no columns: it sends them to ${v(x, 'named')}. In the data panel, choose the columns ${v(x, 'name')} reads.`,
    es: `Los datos no dan columnas a ${v(x, 'name')}: las envían a ${v(x, 'named')}. En el panel de datos, elige las columnas que lee ${v(x, 'name')}.`,
  })),
  'data.input-unknown': error((x) => ({
    en: `The data sends the columns ${v(x, 'columns')} to an Input named ${v(x, 'name')}, which the network does not have. Rename an Input to ${v(x, 'name')}, or choose its columns' Input again in the data panel.`,
    es: `Los datos envían las columnas ${v(x, 'columns')} a un Input llamado ${v(x, 'name')}, que la red no tiene. Renombra un Input a ${v(x, 'name')}, o vuelve a elegir el Input de esas columnas en el panel de datos.`,
  })),
  'data.several-outputs': error((x) => ({
    en: `The network has ${v(x, 'outputs')} outputs, but this data gives one target. For your own table (CSV), choose in the data panel the column each output predicts.`,
    es: `La red tiene ${v(x, 'outputs')} salidas, pero estos datos dan un objetivo. Con tu propia tabla (CSV), elige en el panel de datos la columna que predice cada salida.`,
  })),
  'data.output-columns': error((x) => ({
    en: `The data gives ${v(x, 'name')} no column to predict (it has ${v(x, 'named')} predict). In the data panel, choose the column ${v(x, 'name')} predicts.`,
    es: `Los datos no dan a ${v(x, 'name')} ninguna columna que predecir (la predicen ${v(x, 'named')}). En el panel de datos, elige la columna que predice ${v(x, 'name')}.`,
  })),
  'data.output-unknown': error((x) => ({
    en: `The data has an output named ${v(x, 'name')} predict the column ${v(x, 'column')}, but the network has no such output. Rename an output layer to ${v(x, 'name')}, or choose the column's output again in the data panel.`,
    es: `Los datos hacen que una salida llamada ${v(x, 'name')} prediga la columna ${v(x, 'column')}, pero la red no tiene esa salida. Renombra una capa de salida a ${v(x, 'name')}, o vuelve a elegir la salida de esa columna en el panel de datos.`,
  })),
  'data.input-shape': error((x) => ({
    en: `The data gives each sample the shape ${v(x, 'data')}, but ${v(x, 'name')} expects ${v(x, 'shape')}. Set the Input's shape to ${v(x, 'data')}.`,
    es: `Los datos dan a cada muestra la forma ${v(x, 'data')}, pero ${v(x, 'name')} espera ${v(x, 'shape')}. Pon la forma del Input en ${v(x, 'data')}.`,
  })),
  'data.output-classes': error((x) => ({
    en: `The targets are ${v(x, 'classes')} classes, so the output needs ${v(x, 'classes')} units (one probability each); ${v(x, 'name')} gives ${v(x, 'shape')}.`,
    es: `Los objetivos son ${v(x, 'classes')} clases, así que la salida necesita ${v(x, 'classes')} unidades (una probabilidad cada una); ${v(x, 'name')} da ${v(x, 'shape')}.`,
  })),
  'data.output-values': error((x) => ({
    en: `The targets are ${v(x, 'size')} number(s) per sample, so the output must be (None, ${v(x, 'size')}); ${v(x, 'name')} gives ${v(x, 'shape')}.`,
    es: `Los objetivos son ${v(x, 'size')} número(s) por muestra, así que la salida debe ser (None, ${v(x, 'size')}); ${v(x, 'name')} da ${v(x, 'shape')}.`,
  })),
  'data.embedding-vocabulary': error((x) => ({
    en: `The data numbers its words from 0 to ${v(x, 'words')} − 1, but ${v(x, 'name')} has input_dim ${v(x, 'inputDim')}: it has no vector for the rest. Set input_dim to ${v(x, 'words')}.`,
    es: `Los datos numeran sus palabras de 0 a ${v(x, 'words')} − 1, pero ${v(x, 'name')} tiene input_dim ${v(x, 'inputDim')}: no tiene vector para las demás. Pon input_dim a ${v(x, 'words')}.`,
  })),
  'data.output-activation': error((x) => ({
    en: `${v(x, 'loss')} compares probabilities, but ${v(x, 'name')} ends with ${v(x, 'activation')}, so what it gives are not probabilities: they can be negative or above 1${v(x, 'expected') === 'softmax' ? ', and need not add up to 1' : ''}. Set its activation to ${v(x, 'expected')}.`,
    es: `${v(x, 'loss')} compara probabilidades, pero ${v(x, 'name')} termina en ${v(x, 'activation')}, así que lo que da no son probabilidades: pueden ser negativas o mayores que 1${v(x, 'expected') === 'softmax' ? ', y no tienen por qué sumar 1' : ''}. Pon su activación en ${v(x, 'expected')}.`,
  })),
  'data.output-image': error((x) => ({
    en: `The targets are the images themselves, so the output must be ${v(x, 'expected')}, the shape of the input; ${v(x, 'name')} gives ${v(x, 'shape')}. End with a Reshape, or layers that give the image's size back.`,
    es: `Los objetivos son las propias imágenes, así que la salida debe ser ${v(x, 'expected')}, la forma de la entrada; ${v(x, 'name')} da ${v(x, 'shape')}. Termina con un Reshape o con capas que devuelvan el tamaño de la imagen.`,
  })),
  'data.loss-for-classes': error((x) => ({
    en: `${v(x, 'loss')} compares numbers, but the targets are class indices. Use ${v(x, 'suggested')}.`,
    es: `${v(x, 'loss')} compara números, pero los objetivos son índices de clase. Usa ${v(x, 'suggested')}.`,
  })),
  'data.loss-mismatch': error((x) => ({
    en: `${v(x, 'loss')} compares class probabilities, but the targets are numbers. Use mean_squared_error or mean_absolute_error.`,
    es: `${v(x, 'loss')} compara probabilidades de clase, pero los objetivos son números. Usa mean_squared_error o mean_absolute_error.`,
  })),
  // What a training run may ask of the machine (training/budget.ts); exports are not held to these.
  'train.too-many-layers': error((x) => ({
    en: `The network has ${v(x, 'count')} layers; LayerLab trains networks of up to ${v(x, 'limit')} (tf.js runs out of stack building deeper ones). Export it to train with Keras or PyTorch.`,
    es: `La red tiene ${v(x, 'count')} capas; LayerLab entrena redes de hasta ${v(x, 'limit')} (tf.js se queda sin pila al construir otras más profundas). Expórtala para entrenarla con Keras o PyTorch.`,
  })),
  'train.too-many-params': error((x) => ({
    en: `The network has ${v(x, 'total')} weights; LayerLab trains up to ${v(x, 'limit')}, what a project file can keep. ${v(x, 'name')} alone has ${v(x, 'params')}: give it fewer units or filters, or export the network to train it with Keras or PyTorch.`,
    es: `La red tiene ${v(x, 'total')} pesos; LayerLab entrena hasta ${v(x, 'limit')}, lo que cabe en un archivo de proyecto. Solo ${v(x, 'name')} tiene ${v(x, 'params')}: dale menos unidades o filtros, o exporta la red para entrenarla con Keras o PyTorch.`,
  })),
  'train.memory': error((x) => {
    const on = v(x, 'backend') === '' ? '' : ` on ${v(x, 'backend')}`;
    const en = v(x, 'backend') === '' ? '' : ` en ${v(x, 'backend')}`;
    const fits = Number(x['fits'] ?? 0) > 0;
    return {
      en: `Training this network needs about ${v(x, 'needed')} (${v(x, 'weights')} for the weights and the optimiser, ${v(x, 'activations')} for what a batch of ${v(x, 'batch')} keeps at each layer, ${v(x, 'data')} for the data); LayerLab trains up to ${v(x, 'limit')}${on}. ${fits ? `A batch size of ${v(x, 'fits')} fits; or use` : 'Use'} fewer units or a smaller input here, or export the network to train it with Keras or PyTorch.`,
      es: `Entrenar esta red necesita unos ${v(x, 'needed')} (${v(x, 'weights')} para los pesos y el optimizador, ${v(x, 'activations')} para lo que un lote de ${v(x, 'batch')} guarda en cada capa, ${v(x, 'data')} para los datos); LayerLab entrena hasta ${v(x, 'limit')}${en}. ${fits ? `Un tamaño de lote de ${v(x, 'fits')} cabe; o usa` : 'Usa'} menos unidades o una entrada menor aquí, o exporta la red para entrenarla con Keras o PyTorch.`,
    };
  }),
  // Legal, but probably not what the learner meant.
  'warn.dense-on-grid': warning((x) => ({
    en: `Dense works on the last axis only, so on ${v(x, 'shape')} it keeps the ${v(x, 'grid')} grid. To classify the whole input, put a Flatten before it.`,
    es: `Dense trabaja solo sobre el último eje, así que con ${v(x, 'shape')} conserva la cuadrícula ${v(x, 'grid')}. Para clasificar la entrada completa, pon un Flatten antes.`,
  })),
  'warn.softmax-one-unit': warning(() => ({
    en: 'softmax over a single unit always outputs 1. Use sigmoid for a yes/no output, or one unit per class.',
    es: 'softmax sobre una sola unidad siempre da 1. Usa sigmoid para una salida sí/no, o una unidad por clase.',
  })),
  'warn.embedding-float-input': warning((x) => ({
    en: `Embedding looks up integer token indices, but ${v(x, 'input')} holds float32. Set the Input's dtype to int32.`,
    es: `Embedding busca índices enteros de tokens, pero ${v(x, 'input')} contiene float32. Pon el dtype del Input en int32.`,
  })),
} as const satisfies Record<string, ProblemDef>;

export type ProblemCode = keyof typeof problemCatalogue;

/**
 * A layer kind named by a fix. Plain string rather than the registry's LayerKind: the layer files
 * that suggest fixes are what the registry is made of, and TypeScript cannot type that loop.
 * Fixes are applied through `isLayerKind`.
 */
type LayerKindName = string;

/** A change that resolves a problem, offered as one click. */
export type Fix =
  | { kind: 'set-param'; nodeId: string; param: string; value: FixValue }
  | { kind: 'insert-layer'; layerKind: LayerKindName; wireId: string }
  | { kind: 'remove-wires'; wireIds: string[] }
  | { kind: 'remove-layer'; nodeId: string }
  | { kind: 'add-input' }
  | { kind: 'set-frozen'; nodeId: string; frozen: boolean }
  /** Mark (or unmark) the layer where a GAN's generator ends. */
  | { kind: 'set-generator-end'; nodeId: string; on: boolean }
  /** Wire one layer into another. */
  | { kind: 'add-wire'; source: string; target: string }
  /** Give a layer another name (one that follows the naming rule and no other layer has). */
  | { kind: 'rename-layer'; nodeId: string; name: string }
  /** Forget a layer's carried weights: it starts from drawn ones again. */
  | { kind: 'drop-carried'; nodeId: string }
  /** A training setting (the loss), which belongs to the run rather than to a layer. */
  | { kind: 'set-setting'; setting: string; value: FixValue };

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** The layer at fault; null for problems of the whole graph (no Input). */
  nodeId: string | null;
  /** The wires at fault (a loop, an extra wire). */
  wireIds: string[];
  /** The parameter at fault, to mark its field in the inspector. */
  param?: string;
  values: ProblemValues;
  fix?: Fix;
}

/** What a layer file reports about its own input or parameters; the analyser adds where. */
export interface LayerIssue {
  code: ProblemCode;
  values?: ProblemValues;
  param?: string;
  /** A fix on this same layer: a parameter value, or a layer to insert before it. */
  fix?: { kind: 'set-param'; param: string; value: FixValue } | { kind: 'insert-before'; layerKind: LayerKindName };
}

/**
 * Problems that only say the network is not wired up yet (a layer just dropped, a gap left by a
 * deletion): shown as hints while the learner draws, never in red. They still stop a run.
 */
export const wiringCodes: ReadonlySet<ProblemCode> = new Set([
  'graph.unconnected-input',
  'graph.disconnected',
  'graph.no-output',
]);

export function describeProblem(problem: Pick<Problem, 'code' | 'values'>, language: Language): string {
  return localize(problemCatalogue[problem.code].message(problem.values), language);
}

export function severityOf(code: ProblemCode): Severity {
  return problemCatalogue[code].severity;
}
