import assert from 'node:assert/strict';
import { test } from 'node:test';
import ort from 'onnxruntime-node';
import {
  GraphBuilder,
  IR_VERSION,
  OPSET,
  floatAttr,
  intAttr,
} from '../../../src/kernels/onnx/graph-builder.js';
import { ModelProto } from '../../../src/kernels/onnx/onnx-proto.js';

function gemmModel(): Uint8Array {
  const g = new GraphBuilder('gemm');
  const X = g.input('X', 'float32', ['n', 'd']);
  const Y = g.input('Y', 'float32', ['m', 'd']);
  g.output(g.node('Gemm', [X, Y], { alpha: floatAttr(-2), transB: intAttr(1) }), 'Z', 'float32', ['n', 'm']);
  return g.encode();
}

test('GraphBuilder.encode() writes a ModelProto with IR 8, opset 17 and the declared dynamic dims', () => {
  const decoded = ModelProto.toObject(ModelProto.decode(gemmModel()), { longs: Number }) as {
    irVersion: number;
    opsetImport: { version: number }[];
    graph: {
      node: { opType: string }[];
      input: { name: string; type: { tensorType: { shape: { dim: { dimParam: string }[] } } } }[];
    };
  };
  assert.equal(decoded.irVersion, IR_VERSION);
  assert.equal(decoded.opsetImport[0].version, OPSET);
  assert.deepEqual(
    decoded.graph.node.map((n) => n.opType),
    ['Gemm', 'Identity'],
  );
  assert.deepEqual(
    decoded.graph.input[0].type.tensorType.shape.dim.map((d) => d.dimParam),
    ['n', 'd'],
  );
});

test('a GraphBuilder Gemm model runs on onnxruntime: -2 X Y^T by hand', async () => {
  const session = await ort.InferenceSession.create(gemmModel());
  const out = await session.run({
    X: new ort.Tensor('float32', Float32Array.of(1, 2, 3, 4), [2, 2]),
    Y: new ort.Tensor('float32', Float32Array.of(1, 0, 0, 1, 1, 1), [3, 2]),
  });
  assert.deepEqual(Array.from(out.Z.data as Float32Array), [-2, -4, -6, -6, -8, -14]);
  assert.deepEqual(out.Z.dims, [2, 3]);
});
