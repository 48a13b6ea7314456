/** When a window is closed at an instant: shared by the window machines (half-open by default, §6.1). */
export interface WindowEndInput {
	/** true: still open at exactly its end (the UNCONFIRMED alternative reading of "24 hours"). */
	inclusive: boolean;
}

export const hasEnded = (expiresAt: number, at: number, inclusive: boolean): boolean =>
	inclusive ? at > expiresAt : at >= expiresAt;
