// How one node's online people reach the other nodes in cluster mode (implemented by ClusterRooms
// over the workshop's Redis channel; absent on a single node). presence.ts owns the roster itself.
export interface RosterLink {
  readonly nodeId: string;
  /** Tells the other nodes with sockets of the workshop who is online here (the whole list each time). */
  publish(workshopId: string, online: string[]): void;
  /** Whether other nodes' rosters can reach this node now; while not, their entries do not lapse. */
  linkUp(): boolean;
  /** Set by presence: another node's online people of a workshop (an empty list: none any more). */
  onRemote: (workshopId: string, node: string, online: string[]) => void;
  /** Set by presence: publish this node's roster of the workshop (of every workshop: null) now. */
  onWanted: (workshopId: string | null) => void;
}
