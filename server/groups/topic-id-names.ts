// Topic names for the topic ids of the new protocols' records. Asked of the cluster (Metadata
// v12) on the poll round after an id was looked up and not known, or after the topics changed:
// a topic created since the last answer has an id nobody has seen yet.

export class TopicIdNames {
  private names = new Map<string, string>();
  private wanted = false;
  private topicsSeen = '';

  constructor(private readonly ask: () => Promise<Map<string, string>>) {}

  /** The name of a topic id, or null while unknown (the next round asks). */
  readonly name = (id: string): string | null => {
    const name = this.names.get(id);
    if (name === undefined) this.wanted = true;
    return name ?? null;
  };

  /** Returns whether names changed (details showing ids should be sent again). */
  async refresh(topicNames: string[]): Promise<boolean> {
    const topics = [...topicNames].sort().join('\n');
    if (!this.wanted && topics === this.topicsSeen) return false;
    const answer = await this.ask();
    this.wanted = false;
    this.topicsSeen = topics;
    const changed = answer.size !== this.names.size || [...answer].some(([id, n]) => this.names.get(id) !== n);
    this.names = answer;
    return changed;
  }
}
