// /models — every model of the team.
import { ModelsScreen } from '../../src/models/models-screen';

export const metadata = { title: 'Models — VAD' };

export default function ModelsPage() {
  return <ModelsScreen />;
}
