// Home: the platform's status and what to do first.
import { Overview } from '../src/home/overview';

export default function HomePage() {
  return (
    <section>
      <div className="page-head">
        <h1>Video anomaly detection</h1>
      </div>
      <Overview />
    </section>
  );
}
