/**
 * The broadcast forecast off the main thread: a recipients file streamed and priced row by row, or a
 * plan expanded and priced, with progress about every 100 ms. The page cancels by terminating the
 * worker. Messages: forecast-protocol.ts; the work: forecast-job.ts.
 */
import { runJob } from './forecast-job';
import type { ForecastReply, ForecastRequest } from './forecast-protocol';

const post = (reply: ForecastReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (e: MessageEvent<ForecastRequest>) => runJob(e.data, post);
