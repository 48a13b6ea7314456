/**
 * The training pages share one TrainingProgress (created by /train's layout) through context, so a
 * quiz finished on one page shows on the progress page without reading storage twice.
 */
import { createContext } from 'svelte';
import type { TrainingProgress } from './training-progress.svelte';

export const [getTraining, setTraining] = createContext<TrainingProgress>();
