/**
 * When a window is closed: the one statement of the §6.1 setting ("is a window still open at exactly
 * its end?", UNCONFIRMED), used by the window machines, the chat machine, the replay, the kernel and
 * `stateAt` alike. Half-open by default: a 24 h window opened at t is closed from t + 24 h on.
 */
export interface WindowEndInput {
	/** true: still open at exactly its end (the UNCONFIRMED alternative reading of "24 hours"). */
	inclusive: boolean;
}

/** The first instant at which a window ending at `expiresAt` is closed. */
export const closesAt = (expiresAt: number, inclusive: boolean): number =>
	inclusive ? expiresAt + 1 : expiresAt;

export const hasEnded = (expiresAt: number, at: number, inclusive: boolean): boolean =>
	at >= closesAt(expiresAt, inclusive);

export const isOpenAt = (expiresAt: number, at: number, inclusive: boolean): boolean =>
	at < closesAt(expiresAt, inclusive);
