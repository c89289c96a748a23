import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Detector } from '../detector/detector';
import { getPreset } from '../presets/model-presets';
import { exportOnnx } from './export-onnx';
import { ONNX_EXPORT_FILE, saveOnnxExport } from './save-onnx-export';

describe('saveOnnxExport', () => {
  it('writes the export as model.onnx in the folder and leaves no temporary file', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'vad-onnx-'));
    const detector = Detector.create(getPreset('cpu-tiny').model, 2);
    try {
      const written = await saveOnnxExport(folder, detector);
      expect(written).toBe(path.join(folder, ONNX_EXPORT_FILE));
      expect(new Uint8Array(await fs.readFile(written))).toEqual(await exportOnnx(detector));
      expect(await fs.readdir(folder)).toEqual([ONNX_EXPORT_FILE]);
    } finally {
      detector.dispose();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
