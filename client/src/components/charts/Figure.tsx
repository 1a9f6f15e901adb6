// One chart on screen: the shared SVG, a caption with the main finding, and the figures as a
// table a screen reader (or anyone) can open. The SVG markup comes from shared/src/charts, which
// escapes every piece of workshop text, so it is set as HTML without a DOM round trip.
import type { ChartFigure, ChartLabels } from '@world-cafe/shared/charts';

export function Figure({
  figure,
  labels,
  big = false,
  testId,
}: {
  figure: ChartFigure;
  labels: ChartLabels;
  big?: boolean;
  testId?: string;
}) {
  return (
    <figure className={big ? 'chart chart-big' : 'chart'} data-testid={testId ?? 'chart'} data-chart={figure.id}>
      <div
        className="chart-drawing"
        style={{ maxWidth: big ? undefined : `${figure.width}px` }}
        dangerouslySetInnerHTML={{ __html: figure.svg }}
      />
      <figcaption className="chart-finding" dir="auto">
        {figure.finding}
      </figcaption>
      <details className="chart-data">
        <summary>{labels.showData}</summary>
        <div className="chart-table-wrap">
          <table>
            <caption>
              {labels.dataTable}: {figure.title}
            </caption>
            <thead>
              <tr>
                {figure.table.head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figure.table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" dir="auto">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} dir="auto">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
