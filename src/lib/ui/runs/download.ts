/** Hands a file to the browser's download (an object URL on a temporary link). */
export function downloadFile(file: { blob: Blob; filename: string }): void {
	if (typeof URL.createObjectURL !== 'function') return;
	const url = URL.createObjectURL(file.blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = file.filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked later: some browsers start the download after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
