// Browser tests drive Debian's Chromium (no machine here can download Playwright's own build).
// Installs the `chromium` package when it is missing and we are root; otherwise says what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const cmd = 'apt-get update && apt-get install -y chromium';
	if (!isRoot) {
		console.error(`Chromium not found at ${path}. Install it with: sudo sh -c '${cmd}'`);
		process.exit(1);
	}
	console.log(`Chromium not found at ${path}; installing Debian's package…`);
	execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
