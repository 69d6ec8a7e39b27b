/**
 * Where things go on the first page of a letter so that the recipient's address shows through the
 * window of the envelope it is folded into. All values in PDF points (1/72 in) from the top-left corner.
 */
export type Paper = "A4" | "LETTER";

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PaperLayout {
  size: [width: number, height: number];
  /** Body text on every page; the bottom margin is added to the footer's own height. */
  margins: { top: number; right: number; bottom: number; left: number };
  /** Top of the sender's name. */
  letterheadTop: number;
  /** The envelope window. The return-address line sits at the bottom of its upper `returnZone`. */
  addressField: Box & { returnZone: number };
  /** Date, place and references, beside the address field. */
  infoBlock: { left: number; top: number; width: number };
  /** Where the subject starts on the first page. */
  firstBodyTop: number;
  /** Heights of the fold marks (and the punch mark) drawn on the left edge of the first page. */
  foldMarks: number[];
}

const MM = 72 / 25.4;
const INCH = 72;

export const PAPER_LAYOUTS: Record<Paper, PaperLayout> = {
  // DIN 5008 form B on A4, for DL and C6/5 window envelopes (DIN 680): address field 20 mm from the
  // left and 45 mm from the top, 85 × 45 mm, of which the upper 17.7 mm are the endorsement zone that
  // holds the return address; information block at 125 mm; subject at 98.46 mm; folds at 105 and
  // 210 mm, punch mark at 148.5 mm; text 25 mm from the left, at least 20 mm from the right.
  A4: {
    size: [210 * MM, 297 * MM],
    margins: { top: 20 * MM, right: 20 * MM, bottom: 10 * MM, left: 25 * MM },
    letterheadTop: 12 * MM,
    addressField: { left: 20 * MM, top: 45 * MM, width: 85 * MM, height: 45 * MM, returnZone: 17.7 * MM },
    infoBlock: { left: 125 * MM, top: 50 * MM, width: 65 * MM },
    firstBodyTop: 98.46 * MM,
    foldMarks: [105 * MM, 148.5 * MM, 210 * MM],
  },
  // US Letter folded in three for a standard #10 window envelope (window 4 1/2 × 1 1/8 in, 7/8 in from
  // the left): address block 7/8 in from the left and 2 in from the top, 4 × 1 1/8 in, with a small
  // return-address band at its top; folds at thirds of the page.
  LETTER: {
    size: [8.5 * INCH, 11 * INCH],
    margins: { top: 0.75 * INCH, right: 1 * INCH, bottom: 0.5 * INCH, left: 1 * INCH },
    letterheadTop: 0.5 * INCH,
    addressField: { left: 0.875 * INCH, top: 2 * INCH, width: 4 * INCH, height: 1.125 * INCH, returnZone: 14 },
    infoBlock: { left: 5 * INCH, top: 2 * INCH, width: 2.5 * INCH },
    firstBodyTop: 3.625 * INCH,
    foldMarks: [(11 / 3) * INCH, (22 / 3) * INCH],
  },
};
