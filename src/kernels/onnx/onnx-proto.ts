/**
 * The subset of onnx.proto (github.com/onnx/onnx, onnx/onnx.proto, proto2) that segscope's kernel
 * graphs need, declared in code with protobufjs reflection so no .proto file is shipped or fetched.
 * Field numbers are those of the official schema; unused fields are omitted, which protobuf allows.
 */
import protobuf from 'protobufjs';

const { Root, Type, Field } = protobuf;

function message(name: string, fields: [string, number, string, ('repeated' | undefined)?][]): protobuf.Type {
  const type = new Type(name);
  for (const [fieldName, id, fieldType, rule] of fields) type.add(new Field(fieldName, id, fieldType, rule));
  return type;
}

const dimension = message('Dimension', [
  ['dimValue', 1, 'int64'],
  ['dimParam', 2, 'string'],
]);
const tensorShape = message('TensorShapeProto', [['dim', 1, 'Dimension', 'repeated']]).add(dimension);
const tensorType = message('Tensor', [
  ['elemType', 1, 'int32'],
  ['shape', 2, 'TensorShapeProto'],
]);
const typeProto = message('TypeProto', [['tensorType', 1, 'Tensor']]).add(tensorType);

const root = new Root().define('onnx');
root
  .add(tensorShape)
  .add(typeProto)
  .add(
    message('TensorProto', [
      ['dims', 1, 'int64', 'repeated'],
      ['dataType', 2, 'int32'],
      ['name', 8, 'string'],
      ['rawData', 9, 'bytes'],
    ]),
  )
  .add(
    message('AttributeProto', [
      ['name', 1, 'string'],
      ['type', 20, 'int32'],
      ['f', 2, 'float'],
      ['i', 3, 'int64'],
      ['s', 4, 'bytes'],
      ['t', 5, 'TensorProto'],
      ['floats', 7, 'float', 'repeated'],
      ['ints', 8, 'int64', 'repeated'],
    ]),
  )
  .add(
    message('ValueInfoProto', [
      ['name', 1, 'string'],
      ['type', 2, 'TypeProto'],
    ]),
  )
  .add(
    message('NodeProto', [
      ['input', 1, 'string', 'repeated'],
      ['output', 2, 'string', 'repeated'],
      ['name', 3, 'string'],
      ['opType', 4, 'string'],
      ['domain', 7, 'string'],
      ['attribute', 5, 'AttributeProto', 'repeated'],
    ]),
  )
  .add(
    message('GraphProto', [
      ['node', 1, 'NodeProto', 'repeated'],
      ['name', 2, 'string'],
      ['initializer', 5, 'TensorProto', 'repeated'],
      ['input', 11, 'ValueInfoProto', 'repeated'],
      ['output', 12, 'ValueInfoProto', 'repeated'],
    ]),
  )
  .add(
    message('OperatorSetIdProto', [
      ['domain', 1, 'string'],
      ['version', 2, 'int64'],
    ]),
  )
  .add(
    message('ModelProto', [
      ['irVersion', 1, 'int64'],
      ['opsetImport', 8, 'OperatorSetIdProto', 'repeated'],
      ['producerName', 2, 'string'],
      ['producerVersion', 3, 'string'],
      ['graph', 7, 'GraphProto'],
    ]),
  );

/** onnx.ModelProto, resolved against the schema above. */
export const ModelProto: protobuf.Type = root.lookupType('onnx.ModelProto');

/** TensorProto.DataType codes for the element types the kernels use. */
export const DATA_TYPE = { float32: 1, int32: 6, int64: 7, bool: 9, float64: 11 } as const;

/** AttributeProto.AttributeType codes. */
export const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 } as const;
