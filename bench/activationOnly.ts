// `npm run bench:activation`: only the activation section of `npm run bench`, for work on start-up.
import { activationSection } from './activationBench';

void activationSection().then((passed) => {
  if (!passed) process.exitCode = 1;
});
