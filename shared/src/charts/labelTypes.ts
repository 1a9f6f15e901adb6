// The shape of the chart words in one language (see labels.ts). A leaf module, so each
// language's file can name the type without importing the table that imports it.
import type { Stance } from '../cafe/model';

export interface ChartLabels {
  /** Screen-reader name of the data table behind every chart. */
  dataTable: string;
  showData: string;
  noDelegation: string;
  total: string;
  votes: {
    title: string;
    desc: string;
    axis: string;
    item: string;
    dots: string;
    byDelegation: string;
    finding: string;
    tie: string;
    empty: string;
  };
  participation: {
    title: string;
    desc: string;
    table: string;
    round: string;
    finding: string;
    /** After the café: the quietest table over all rounds. */
    findingTotal: string;
    even: string;
    empty: string;
    byDelegationTitle: string;
    byDelegationDesc: string;
    delegation: string;
    notes: string;
    people: string;
    delegationFinding: string;
  };
  seating: {
    title: string;
    desc: string;
    table: string;
    delegations: string;
    finding: string;
    metFinding: string;
    metTitle: string;
    metDesc: string;
    metAxis: string;
    metRow: string;
    heading: string;
    person: string;
    met: string;
    repeats: string;
    sameDelegation: string;
    noPlan: string;
  };
  review: {
    title: string;
    desc: string;
    goal: string;
    stances: Record<Stance, string>;
    /** One or two letters shown inside each cell, so the stance never rests on colour alone. */
    short: Record<Stance | 'none', string>;
    notReviewed: string;
    incomplete: string;
    incompleteMark: string;
    missingRow: string;
    finding: string;
    allDone: string;
    empty: string;
  };
}
