// Source notes shared by the dataset modules.
export const PAPER =
  'Jegham, Abdelatti, Elmoubarki, Hendawi (+ Koh in v6), "How Hungry is AI? Benchmarking Energy, Water, and Carbon Footprint of LLM Inference", arXiv 2505.09598';
export const PAPER_V4 = `${PAPER}, v4 (29 Sep 2025)`;
export const PAPER_V6 = `${PAPER}, v6 (24 Nov 2025)`;
export const REPO = 'github.com/Nidhal-Jegham/HowHungryisAIDashboard';
export const REPO_AT = `${REPO}, read at commit d853dda (22 Aug 2026)`;
export const REPO_RETRIEVED = '2026-08-22';

export const LICENCE_REPO =
  "Numbers published by the paper's authors (arXiv 2505.09598) and in their public repository " +
  `${REPO}; latency and speed measurements are Artificial Analysis's (artificialanalysis.ai), ` +
  'copied by the authors. No licence for the data was recorded with the source files: cite the paper, ' +
  'and check the repository and Artificial Analysis terms before reusing the data beyond citation. ' +
  'This JSON packaging is part of llm-footprint (MIT).';
export const LICENCE_PAPER =
  'Facts and numbers printed in arXiv 2505.09598 (copyright the authors), quoted with their source for ' +
  'citation; this JSON packaging is part of llm-footprint (MIT).';
