// What every page says about the data loaded: demo issuers, compiled public figures, the pack edition.
/** The edition of the public-reports pack the published data last came from (a load or a re-import). */
export interface PackEditionLoaded {
  /** 1 for the first edition, 2 for the second, …; null when the pack's README named none we read. */
  number: number | null;
  compiled: string | null;
  loadedAt: string;
}

/** Which kinds of data are loaded (fictional demo issuers, compiled public figures) and the pack edition: every page says so. */
export interface DatasetNotice {
  demo: boolean;
  real: boolean;
  pack: PackEditionLoaded | null;
}
