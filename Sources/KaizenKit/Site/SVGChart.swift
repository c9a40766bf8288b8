/// Charts as inline SVG, drawn from the figures alone: no script, no fonts or
/// images to fetch, so they show from `file://`, print, and read in a screen
/// reader through their title and the table of the same numbers beside them.
enum SVGChart {
    private static let width = 640
    private static let labelWidth = 170
    private static let rowHeight = 26

    /// One horizontal bar: a count, and optionally the limit it is measured against.
    struct Bar {
        var label: String
        var value: Int
        var limit: Int? = nil
        var href: String? = nil
    }

    /// One vertical column of a series over time or over ranges.
    struct Column {
        var label: String
        var value: Int
    }

    /// One experiment on a time axis.
    struct Span {
        var label: String
        var href: String?
        var start: CalendarDate
        var end: CalendarDate
        /// Names its colour: running, retained, discarded, inconclusive, concluded.
        var state: String
    }

    static func bars(id: String, title: String, summary: String, bars: [Bar], valueHeading: String) -> HTML {
        guard !bars.isEmpty else { return empty(title: title) }
        let scale = Double(bars.map { max($0.value, $0.limit ?? 0) }.max().map { max($0, 1) } ?? 1)
        let area = Double(width - labelWidth - 60)
        let height = bars.count * rowHeight + 10
        var shapes: [HTML] = []
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            let length = Int((Double(bar.value) / scale * area).rounded())
            let over = bar.limit.map { bar.value > $0 } ?? false
            shapes.append(label(bar.label, href: bar.href, x: labelWidth - 8, y: y + 17))
            shapes.append("""
                <rect class="bar\(over ? " over" : "")" x="\(labelWidth)" y="\(y + 4)" width="\(max(length, 1))" height="\(rowHeight - 8)"><title>\(bar.label): \(bar.value)\(bar.limit.map { " of \($0)" } ?? "")</title></rect>
                <text class="value" x="\(labelWidth + length + 6)" y="\(y + 17)">\(bar.value)\(bar.limit.map { " / \($0)" } ?? "")</text>
                """)
            if let limit = bar.limit {
                let x = labelWidth + Int((Double(limit) / scale * area).rounded())
                shapes.append("<line class=\"limit\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y + 1)\" y2=\"\(y + rowHeight - 1)\"/>")
            }
        }
        let rows = bars.map { bar -> [HTML] in
            ["\(bar.label)", "\(bar.value)"] + (bars.contains { $0.limit != nil } ? ["\(bar.limit.map(String.init) ?? "")"] : [])
        }
        let headings = ["", valueHeading] + (bars.contains { $0.limit != nil } ? ["limit"] : [])
        return figure(id: id, title: title, summary: summary, height: height, shapes: shapes, headings: headings, rows: rows)
    }

    static func columns(id: String, title: String, summary: String, columns: [Column], labelHeading: String, valueHeading: String) -> HTML {
        guard !columns.isEmpty else { return empty(title: title) }
        let plotTop = 20, plotHeight = 180, left = 40
        let scale = Double(max(columns.map(\.value).max() ?? 1, 1))
        let step = Double(width - left - 10) / Double(columns.count)
        var shapes: [HTML] = [
            "<line class=\"axis\" x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(plotTop + plotHeight)\" y2=\"\(plotTop + plotHeight)\"/>",
            "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(plotTop + 4)\" text-anchor=\"end\">\(Int(scale))</text>",
            "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(plotTop + plotHeight + 4)\" text-anchor=\"end\">0</text>",
        ]
        for (index, column) in columns.enumerated() {
            let barHeight = Int((Double(column.value) / scale * Double(plotHeight)).rounded())
            let x = left + Int((Double(index) * step + step * 0.15).rounded())
            let barWidth = max(Int((step * 0.7).rounded()), 1)
            let center = x + barWidth / 2
            shapes.append("""
                <rect class="bar" x="\(x)" y="\(plotTop + plotHeight - barHeight)" width="\(barWidth)" height="\(barHeight)"><title>\(column.label): \(column.value)</title></rect>
                <text class="value" x="\(center)" y="\(plotTop + plotHeight - barHeight - 4)" text-anchor="middle">\(column.value)</text>
                <text class="tick" x="\(center)" y="\(plotTop + plotHeight + 16)" text-anchor="middle">\(column.label)</text>
                """)
        }
        return figure(id: id, title: title, summary: summary, height: plotTop + plotHeight + 26, shapes: shapes,
                      headings: [labelHeading, valueHeading], rows: columns.map { ["\($0.label)", "\($0.value)"] })
    }

    /// Spans on one shared day axis from `from` to `to`, with a line at `today`.
    static func gantt(id: String, title: String, summary: String, spans: [Span], from: CalendarDate, to: CalendarDate,
                      today: CalendarDate) -> HTML {
        guard !spans.isEmpty else { return empty(title: title) }
        let top = 22
        let area = Double(width - labelWidth - 10)
        let firstDay = from.dayNumber, days = Double(max(to.dayNumber - firstDay, 1))
        func x(_ date: CalendarDate) -> Int { labelWidth + Int((Double(date.dayNumber - firstDay) / days * area).rounded()) }
        let height = top + spans.count * rowHeight + 6
        var shapes: [HTML] = []
        var month = CalendarDate(year: from.year, month: from.month, day: 1)!
        if month < from { month = month.adding(days: CalendarDate.daysIn(month: month.month, year: month.year)) }
        let monthCount = (to.year - from.year) * 12 + to.month - from.month + 1
        // A label every month while they fit, else every quarter or year.
        let labelEvery = monthCount <= 8 ? 1 : monthCount <= 24 ? 3 : 12
        while month <= to {
            let position = x(month)
            shapes.append("<line class=\"grid\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(top - 4)\" y2=\"\(height)\"/>")
            if (month.month - 1) % labelEvery == 0 {
                shapes.append("<text class=\"tick\" x=\"\(position + 3)\" y=\"\(top - 8)\">\(String(month.description.prefix(7)))</text>")
            }
            month = month.adding(days: CalendarDate.daysIn(month: month.month, year: month.year))
        }
        for (index, span) in spans.enumerated() {
            let y = top + index * rowHeight
            let start = x(max(span.start, from)), end = x(min(span.end, to))
            shapes.append(label(span.label, href: span.href, x: labelWidth - 8, y: y + 17))
            shapes.append("""
                <rect class="span \(span.state)" x="\(start)" y="\(y + 5)" width="\(max(end - start, 2))" height="\(rowHeight - 10)"><title>\(span.label): \(span.start.description) to \(span.end.description), \(span.state)</title></rect>
                """)
        }
        if today >= from, today <= to {
            let position = x(today)
            shapes.append("<line class=\"today\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(top - 4)\" y2=\"\(height)\"><title>today, \(today.description)</title></line>")
        }
        return figure(id: id, title: title, summary: summary, height: height, shapes: shapes,
                      headings: ["experiment", "from", "to", "state"],
                      rows: spans.map { ["\($0.label)", "\($0.start.description)", "\($0.end.description)", "\($0.state)"] })
    }

    private static func label(_ text: String, href: String?, x: Int, y: Int) -> HTML {
        // Long names are cut to fit the label column; the full name is in the table and the title.
        let shown = text.count > 21 ? String(text.prefix(20)) + "…" : text
        let label: HTML = "<text class=\"label\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"end\">\(shown)<title>\(text)</title></text>"
        guard let href else { return label }
        return "<a href=\"\(href)\">\(label)</a>"
    }

    private static func figure(id: String, title: String, summary: String, height: Int, shapes: [HTML],
                               headings: [String], rows: [[HTML]]) -> HTML {
        let body = rows.map { cells -> HTML in
            "<tr><th scope=\"row\">\(cells[0])</th>\(HTML.joined(cells.dropFirst().map { "<td>\($0)</td>" }))</tr>"
        }
        return """
            <figure class="chart" id="\(id)">
            <figcaption><h2 id="\(id)-title">\(title)</h2><p id="\(id)-summary">\(summary)</p></figcaption>
            <svg viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(id)-title" aria-describedby="\(id)-summary" xmlns="http://www.w3.org/2000/svg">
            \(HTML.joined(shapes, separator: "\n"))
            </svg>
            <details><summary>The numbers</summary>
            \(HTML.table(headings: headings, rows: body))
            </details>
            </figure>
            """
    }

    private static func empty(title: String) -> HTML {
        "<section class=\"chart\"><h2>\(title)</h2><p class=\"none\">Nothing to draw yet.</p></section>"
    }
}
