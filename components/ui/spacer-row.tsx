/** Stands in for the rows of a virtualized table that are not drawn, so the scrollbar and the
 *  rows in view keep their place. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
