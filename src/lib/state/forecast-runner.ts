/**
 * Runs the broadcast forecast in a module Web Worker (src/lib/workers/forecast.worker.ts) so the page
 * never freezes, whatever the file's size. One job at a time: starting another or cancelling ends the
 * one running (its worker is terminated: nothing of it arrives afterwards). Where workers are not
 * available (component tests) the same job runs on the main thread.
 */
import { runJob, type JobControl } from '$lib/workers/forecast-job';
import type { ForecastReply, ForecastRequest } from '$lib/workers/forecast-protocol';

export type RunnerRequest = ForecastRequest extends infer R
	? R extends ForecastRequest
		? Omit<R, 'id'>
		: never
	: never;
export type RunnerHandler = (reply: ForecastReply) => void;

export class ForecastRunner {
	private worker: Worker | null = null;
	private latest = 0;
	private handler: RunnerHandler | null = null;
	private control: JobControl | null = null;

	private ensureWorker(): Worker | null {
		if (this.worker || typeof Worker === 'undefined') return this.worker;
		try {
			this.worker = new Worker(new URL('../workers/forecast.worker.ts', import.meta.url), { type: 'module' });
			this.worker.onmessage = (e: MessageEvent<ForecastReply>) => this.receive(e.data);
			this.worker.onerror = (e) => {
				e.preventDefault();
				this.receive({ id: this.latest, type: 'error', message: e.message || 'the forecast worker failed' });
			};
		} catch {
			this.worker = null;
		}
		return this.worker;
	}

	private receive(reply: ForecastReply): void {
		if (reply.id !== this.latest) return;
		const h = this.handler;
		if (reply.type !== 'progress') this.handler = null;
		h?.(reply);
	}

	/** Starts a job; the one running, if any, is cancelled first. */
	start(request: RunnerRequest, handler: RunnerHandler): void {
		this.cancel();
		const id = ++this.latest;
		this.handler = handler;
		const req = { ...request, id } as ForecastRequest;
		const worker = this.ensureWorker();
		if (worker) {
			worker.postMessage(req);
			return;
		}
		const control: JobControl = { cancelled: false };
		this.control = control;
		setTimeout(() => {
			if (!control.cancelled) runJob(req, (r) => this.receive(r), control);
		}, 0);
	}

	/** Ends the running job at once; nothing of it arrives afterwards. */
	cancel(): void {
		this.latest++;
		this.handler = null;
		if (this.control) this.control.cancelled = true;
		this.control = null;
		// Terminating is the only way to stop a worker in the middle of a chunk; the next job starts a new one.
		this.worker?.terminate();
		this.worker = null;
	}

	dispose(): void {
		this.cancel();
	}
}
