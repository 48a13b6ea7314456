/** Links into the sandbox for a saved run (the sandbox reads `?run=` and opens it with getRun). */
import { resolve } from '$app/paths';

export const openRunHref = (id: string) => resolve(`/sandbox?run=${encodeURIComponent(id)}`);
