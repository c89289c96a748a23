// /datasets — every data set of the team, and creating one.
import { DatasetsScreen } from '../../src/datasets/datasets-screen';

export const metadata = { title: 'Data sets — VAD' };

export default function DatasetsPage() {
  return <DatasetsScreen />;
}
