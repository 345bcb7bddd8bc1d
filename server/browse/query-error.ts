// A search refused before anything is read: the message is worded for the person who typed the
// query and is answered as is (400 on the API, an error on the scan's socket event).

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}
