// /team — members, roles and API tokens.
import { TeamScreen } from '../../src/team/team-screen';

export const metadata = { title: 'Team — VAD' };

export default function TeamPage() {
  return <TeamScreen />;
}
