/**
 * A minimal ONNX model writer (protobufjs over the subset of onnx.proto that small graphs need:
 * ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto, AttributeProto). Field numbers
 * follow onnx/onnx.proto (IR version 8). Used to build tiny sentence-embedding graphs for tests and
 * any small graph segscope runs on onnxruntime-node.
 */
import protobuf from 'protobufjs';

const TYPES = {
  nested: {
    ModelProto: {
      fields: {
        irVersion: { id: 1, type: 'int64' },
        producerName: { id: 2, type: 'string' },
        graph: { id: 7, type: 'GraphProto' },
        opsetImport: { id: 8, type: 'OperatorSetIdProto', rule: 'repeated' },
      },
    },
    OperatorSetIdProto: { fields: { domain: { id: 1, type: 'string' }, version: { id: 2, type: 'int64' } } },
    GraphProto: {
      fields: {
        node: { id: 1, type: 'NodeProto', rule: 'repeated' },
        name: { id: 2, type: 'string' },
        initializer: { id: 5, type: 'TensorProto', rule: 'repeated' },
        input: { id: 11, type: 'ValueInfoProto', rule: 'repeated' },
        output: { id: 12, type: 'ValueInfoProto', rule: 'repeated' },
      },
    },
    NodeProto: {
      fields: {
        input: { id: 1, type: 'string', rule: 'repeated' },
        output: { id: 2, type: 'string', rule: 'repeated' },
        name: { id: 3, type: 'string' },
        opType: { id: 4, type: 'string' },
        attribute: { id: 5, type: 'AttributeProto', rule: 'repeated' },
      },
    },
    AttributeProto: {
      fields: {
        name: { id: 1, type: 'string' },
        f: { id: 2, type: 'float' },
        i: { id: 3, type: 'int64' },
        ints: { id: 8, type: 'int64', rule: 'repeated' },
        type: { id: 20, type: 'int32' },
      },
    },
    TensorProto: {
      fields: {
        dims: { id: 1, type: 'int64', rule: 'repeated' },
        dataType: { id: 2, type: 'int32' },
        name: { id: 8, type: 'string' },
        rawData: { id: 9, type: 'bytes' },
      },
    },
    ValueInfoProto: { fields: { name: { id: 1, type: 'string' }, type: { id: 2, type: 'TypeProto' } } },
    TypeProto: { fields: { tensorType: { id: 1, type: 'TypeProtoTensor' } } },
    TypeProtoTensor: { fields: { elemType: { id: 1, type: 'int32' }, shape: { id: 2, type: 'TensorShapeProto' } } },
    TensorShapeProto: { fields: { dim: { id: 1, type: 'Dimension', rule: 'repeated' } } },
    Dimension: { fields: { dimValue: { id: 1, type: 'int64' }, dimParam: { id: 2, type: 'string' } } },
  },
};

/** ONNX TensorProto.DataType codes. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

/** A graph input or output: name, element type, and shape (a string is a symbolic dimension). */
export interface OnnxValue {
  name: string;
  elemType: number;
  shape: (number | string)[];
}

export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  /** Integer and integer-list attributes (enough for Gather axis, ReduceMean axes/keepdims). */
  attributes?: Record<string, number | number[]>;
}

export interface OnnxGraph {
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  nodes: OnnxNode[];
  /** Float32 initializers by name. */
  initializers: { name: string; dims: number[]; data: Float32Array }[];
  opset?: number;
}

const root = protobuf.Root.fromJSON(TYPES);
const ModelProto = root.lookupType('ModelProto');

function valueInfo(v: OnnxValue) {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: v.elemType,
        shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/**
 * Serialize a graph as an ONNX ModelProto (IR 8, default opset 13).
 * @example onnxModelBytes({ inputs, outputs, nodes: [{ opType: 'Gather', inputs: ['E', 'ids'], outputs: ['h'] }], initializers })
 */
export function onnxModelBytes(graph: OnnxGraph): Uint8Array {
  const message = ModelProto.fromObject({
    irVersion: 8,
    producerName: 'segscope',
    opsetImport: [{ domain: '', version: graph.opset ?? 13 }],
    graph: {
      name: 'segscope',
      node: graph.nodes.map((n, i) => ({
        name: `${n.opType}_${i}`,
        opType: n.opType,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes ?? {}).map(([name, v]) =>
          Array.isArray(v) ? { name, ints: v, type: ATTRIBUTE_INTS } : { name, i: v, type: ATTRIBUTE_INT },
        ),
      })),
      initializer: graph.initializers.map((t) => ({
        name: t.name,
        dims: t.dims,
        dataType: ONNX_FLOAT,
        rawData: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
      })),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  });
  return ModelProto.encode(message).finish();
}
