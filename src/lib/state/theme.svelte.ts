/**
 * Light / dark / system theme, kept in localStorage and written as `data-theme` on <html>
 * (app.html applies the stored choice before the first paint, so there is no flash).
 */
export type ThemeMode = 'light' | 'dark' | 'system';
export const THEME_KEY = 'wa-sandbox-theme';
export const THEME_MODES: readonly ThemeMode[] = ['light', 'dark', 'system'];

const isMode = (v: unknown): v is ThemeMode => v === 'light' || v === 'dark' || v === 'system';

function stored(): ThemeMode {
	try {
		const v = globalThis.localStorage?.getItem(THEME_KEY);
		return isMode(v) ? v : 'system';
	} catch {
		return 'system'; // storage blocked (private mode, sandboxed frame): the system theme still works
	}
}

export class ThemePreference {
	mode = $state<ThemeMode>(stored());

	constructor() {
		this.apply();
	}

	set(mode: ThemeMode): void {
		this.mode = mode;
		try {
			globalThis.localStorage?.setItem(THEME_KEY, mode);
		} catch {
			// not persisted; the choice still holds for this page
		}
		this.apply();
	}

	/** light → dark → system → light. */
	cycle(): void {
		const i = THEME_MODES.indexOf(this.mode);
		this.set(THEME_MODES[(i + 1) % THEME_MODES.length] ?? 'system');
	}

	private apply(): void {
		if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.mode;
	}
}
