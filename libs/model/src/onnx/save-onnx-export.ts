// Stores the ONNX export beside a model version's weights (`<checkpoint>/model.onnx`), written to a
// temporary name and renamed, so a reader never sees half a file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Detector } from '../detector/detector';
import { exportOnnx } from './export-onnx';

export const ONNX_EXPORT_FILE = 'model.onnx';

/** Writes the detector's inference graph (masking off) into `folder`; returns the file's path. */
export async function saveOnnxExport(folder: string, detector: Detector): Promise<string> {
  const target = path.join(folder, ONNX_EXPORT_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temporary, await exportOnnx(detector));
  await fs.rename(temporary, target);
  return target;
}
