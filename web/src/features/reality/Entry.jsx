// The calculator's one-click way into the Reality check (slot 'calculator.results').
import { ViewLink } from '../../components/view-link.jsx';

export default function RealityEntry() {
  return (
    <p class="reality-entry" data-testid="reality-entry">
      Seen a different number in the news?{' '}
      <ViewLink view="reality">Compare this estimate with published figures</ViewLink>
    </p>
  );
}
