/**
 * A tiny ONNX graph builder: declare inputs, add nodes, mark outputs, encode a ModelProto.
 * Dimensions are numbers (fixed) or strings (symbolic, dynamic), so one session serves every block size.
 */
import { ATTRIBUTE_TYPE, DATA_TYPE, ModelProto } from './onnx-proto.js';

/** Element types the kernel graphs use, named as onnxruntime's Tensor names them. */
export type ElementType = keyof typeof DATA_TYPE;

/** ONNX IR version 8 goes with opset 17 (onnx/docs/Versioning.md). */
export const IR_VERSION = 8;
export const OPSET = 17;

/** An attribute value with its ONNX type made explicit (2 and 2.0 are different attributes). */
export type Attribute =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number }
  | { kind: 'ints'; value: readonly number[] }
  | { kind: 'string'; value: string };

export const floatAttr = (value: number): Attribute => ({ kind: 'float', value });
export const intAttr = (value: number): Attribute => ({ kind: 'int', value });
export const intsAttr = (value: readonly number[]): Attribute => ({ kind: 'ints', value });

type Dim = number | string;

/** Builds one graph; every `node` call returns the name of its (first) output. */
export class GraphBuilder {
  private readonly nodes: object[] = [];
  private readonly inputs: object[] = [];
  private readonly outputs: object[] = [];
  private readonly initializers: object[] = [];
  private counter = 0;

  constructor(private readonly name: string) {}

  /** Declare a graph input; returns its name. */
  input(name: string, type: ElementType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Mark `value` as a graph output named `name` (an Identity node renames it). */
  output(value: string, name: string, type: ElementType, dims: readonly Dim[]): void {
    this.node('Identity', [value], {}, name);
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** A constant tensor stored in the model; returns its name. */
  constant(type: 'float32' | 'int64', dims: readonly number[], values: readonly number[]): string {
    const name = `c${this.counter++}`;
    const data =
      type === 'float32' ? new Float32Array(values) : BigInt64Array.from(values.map((v) => BigInt(v)));
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dims: [...dims], dataType: DATA_TYPE[type], rawData });
    return name;
  }

  /** Append a node; returns its first output's name (`out`, or a fresh one). */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, Attribute> = {},
    out?: string,
    nOutputs = 1,
  ): string {
    const first = out ?? `t${this.counter++}`;
    const output = [first];
    for (let o = 1; o < nOutputs; o++) output.push(`${first}_${o}`);
    const attribute = Object.entries(attributes).map(([attrName, a]) => encodeAttribute(attrName, a));
    this.nodes.push({
      opType,
      input: [...inputs],
      output,
      name: `${opType}_${this.nodes.length}`,
      attribute,
    });
    return first;
  }

  /** The serialized ModelProto, ready for `InferenceSession.create`. */
  encode(): Uint8Array {
    const graph = {
      name: this.name,
      node: this.nodes,
      input: this.inputs,
      output: this.outputs,
      initializer: this.initializers,
    };
    const model = ModelProto.fromObject({
      irVersion: IR_VERSION,
      producerName: 'segscope',
      opsetImport: [{ domain: '', version: OPSET }],
      graph,
    });
    return ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: ElementType, dims: readonly Dim[]): object {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: DATA_TYPE[type], shape: { dim } } } };
}

function encodeAttribute(name: string, a: Attribute): object {
  switch (a.kind) {
    case 'float':
      return { name, type: ATTRIBUTE_TYPE.float, f: a.value };
    case 'int':
      return { name, type: ATTRIBUTE_TYPE.int, i: a.value };
    case 'ints':
      return { name, type: ATTRIBUTE_TYPE.ints, ints: [...a.value] };
    case 'string':
      return { name, type: ATTRIBUTE_TYPE.string, s: new TextEncoder().encode(a.value) };
  }
}
