// The charts as lazily loaded components: d3 and the drawing code are a chunk of their own,
// fetched only by a screen that shows a chart (the landing page never does).
import { lazy, Suspense, type ComponentProps } from 'react';

const load = () => import('./Charts');
const LazyVote = lazy(() => load().then((m) => ({ default: m.VoteChart })));
const LazyLatestVote = lazy(() => load().then((m) => ({ default: m.LatestVoteChart })));
const LazyCafe = lazy(() => load().then((m) => ({ default: m.CafeCharts })));
const LazyReview = lazy(() => load().then((m) => ({ default: m.ReviewChart })));

type VoteProps = ComponentProps<typeof import('./Charts').VoteChart>;

export const VoteChart = (p: VoteProps) => (
  <Suspense fallback={null}>
    <LazyVote {...p} />
  </Suspense>
);
export const LatestVoteChart = () => (
  <Suspense fallback={null}>
    <LazyLatestVote />
  </Suspense>
);
export const CafeCharts = () => (
  <Suspense fallback={null}>
    <LazyCafe />
  </Suspense>
);
export const ReviewChart = () => (
  <Suspense fallback={null}>
    <LazyReview />
  </Suspense>
);
