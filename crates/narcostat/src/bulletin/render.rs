//! Rendering a bulletin as plain text, Markdown, a self-contained HTML page
//! (with an inline SVG bar chart of the ranking) or JSON.

use super::Bulletin;
use crate::quantity::group_thousands;
use std::fmt::Write;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BulletinFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// JSON (the bulletin's serde form).
    Json,
}

impl BulletinFormat {
    /// Parses `text`, `markdown`, `html`, `json`.
    pub fn parse(name: &str) -> Option<Self> {
        name.parse().ok()
    }
}

pub(super) fn render(b: &Bulletin, format: BulletinFormat) -> String {
    match format {
        BulletinFormat::Text => text(b),
        BulletinFormat::Markdown => markdown(b),
        BulletinFormat::Html => html(b),
        BulletinFormat::Json => serde_json::to_string_pretty(b).unwrap_or_default(),
    }
}

fn pct(share: f64) -> String {
    format!("{:.2}%", share * 100.0)
}

fn text(b: &Bulletin) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}\n{}\n", b.title, "=".repeat(b.title.chars().count().min(100)));
    let _ = writeln!(o, "Period: {} to {}\n", b.period.start, b.period.end);
    let s = &b.seizures;
    let _ = writeln!(o, "SEIZURES\n");
    let _ =
        writeln!(o, "{} kg of drugs were seized in {} records.", group_thousands(&s.total_kg.to_string()), s.records);
    let _ = writeln!(o, "{}\n", s.sentence);
    let width = s.ranking.entries.iter().map(|e| e.label.chars().count()).max().unwrap_or(4).clamp(4, 60);
    let _ = writeln!(o, "  {:>4}  {:<width$}  {:>12}  {:>7}", "rank", "substance", "kg", "share");
    for e in &s.ranking.entries {
        let _ = writeln!(
            o,
            "  {:>4}  {:<width$}  {:>12}  {:>7}",
            e.rank,
            e.label,
            group_thousands(&e.value.to_string()),
            pct(e.share)
        );
    }
    let _ = writeln!(
        o,
        "  {:>4}  {:<width$}  {:>12}  {:>7}",
        "",
        "total",
        group_thousands(&s.total_kg.to_string()),
        "100.00%"
    );
    for t in &s.other_totals {
        let _ = writeln!(o, "Also seized: {t}.");
    }
    if let (Some(c), Some(p)) = (&s.comparison, s.previous_period) {
        let _ = writeln!(
            o,
            "\nCompared with {p}: {} kg ({}).",
            group_thousands(&c.total.absolute.to_string()),
            c.total.percent.map_or("no earlier figure".to_owned(), |p| format!("{p:+.1}%"))
        );
    }
    for sec in &b.activities {
        let _ = writeln!(o, "\n{}\n", sec.heading.to_uppercase());
        for item in &sec.items {
            let _ = writeln!(o, "* {}", item.title);
            if !item.places.is_empty() {
                let _ = writeln!(o, "    where: {}", item.places.join(", "));
            }
            for (k, v) in item.figures.iter().chain(&item.derived) {
                let _ = writeln!(o, "    {k}: {v}");
            }
            for n in &item.notes {
                let _ = writeln!(o, "    note: {n}");
            }
        }
    }
    let _ = writeln!(o, "\nDATA QUALITY\n");
    if b.data_quality.is_empty() {
        let _ = writeln!(o, "No inconsistency found.");
    }
    for f in &b.data_quality {
        let _ = writeln!(o, "! {}", f.message);
    }
    o
}

/// Escapes text for a Markdown table cell or line.
fn md(t: &str) -> String {
    t.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ")
}

fn markdown(b: &Bulletin) -> String {
    let mut o = String::new();
    let s = &b.seizures;
    let _ = writeln!(o, "# {}\n\n*{} to {}*\n\n## Seizures\n", md(&b.title), b.period.start, b.period.end);
    let _ = writeln!(
        o,
        "{} kg of drugs were seized in {} records. {}\n",
        group_thousands(&s.total_kg.to_string()),
        s.records,
        md(&s.sentence)
    );
    let _ = writeln!(o, "| rank | substance | kg | share |\n|---:|---|---:|---:|");
    for e in &s.ranking.entries {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            e.rank,
            md(&e.label),
            group_thousands(&e.value.to_string()),
            pct(e.share)
        );
    }
    let _ = writeln!(o, "| | **total** | **{}** | 100.00% |", group_thousands(&s.total_kg.to_string()));
    for t in &s.other_totals {
        let _ = writeln!(o, "\nAlso seized: {t}.");
    }
    for sec in &b.activities {
        let _ = writeln!(o, "\n## {}\n", sec.heading);
        for item in &sec.items {
            let _ = writeln!(o, "### {}\n", md(&item.title));
            if !item.places.is_empty() {
                let _ = writeln!(o, "- **where**: {}", md(&item.places.join(", ")));
            }
            for (k, v) in item.figures.iter().chain(&item.derived) {
                let _ = writeln!(o, "- **{}**: {}", md(k), md(v));
            }
            for n in &item.notes {
                let _ = writeln!(o, "- *note*: {}", md(n));
            }
            o.push('\n');
        }
    }
    let _ = writeln!(o, "## Data quality\n");
    for f in &b.data_quality {
        let _ = writeln!(o, "- {}", md(&f.message));
    }
    o
}

use crate::write::escape_html as esc;

fn svg_chart(b: &Bulletin) -> String {
    let entries = &b.seizures.ranking.entries;
    let max = entries.iter().map(|e| e.value.to_f64()).fold(0.0, f64::max);
    let (bar_h, gap, label_w, chart_w) = (22.0, 6.0, 260.0, 420.0);
    let height = entries.len() as f64 * (bar_h + gap) + gap;
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Seizures by substance, kg\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        label_w + chart_w + 120.0,
        label_w + chart_w + 120.0
    );
    for (i, e) in entries.iter().enumerate() {
        let y = gap + i as f64 * (bar_h + gap);
        let w = if max > 0.0 { chart_w * e.value.to_f64() / max } else { 0.0 };
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"#8a3b12\"><title>{}: {} kg</title></rect><text x=\"{}\" y=\"{}\" font-size=\"12\">{} kg ({})</text>",
            label_w - 8.0,
            y + 15.0,
            esc(&e.label),
            esc(&e.label),
            group_thousands(&e.value.to_string()),
            label_w + w + 6.0,
            y + 15.0,
            group_thousands(&e.value.to_string()),
            pct(e.share)
        );
    }
    o.push_str("</svg>");
    o
}

fn html(b: &Bulletin) -> String {
    let s = &b.seizures;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}table{{border-collapse:collapse}}td,th{{padding:.2rem .6rem;border-bottom:1px solid #ddd}}td.n{{text-align:right;font-variant-numeric:tabular-nums}}.dq li{{color:#8a1c1c}}</style>\n</head>\n<body>\n",
        esc(&b.title)
    );
    let _ = write!(
        o,
        "<h1>{}</h1>\n<p><em>{} to {}</em></p>\n<h2>Seizures</h2>\n",
        esc(&b.title),
        b.period.start,
        b.period.end
    );
    let _ = writeln!(
        o,
        "<p>{} kg of drugs were seized in {} records. {}</p>",
        group_thousands(&s.total_kg.to_string()),
        s.records,
        esc(&s.sentence)
    );
    o.push_str(&svg_chart(b));
    o.push_str(
        "\n<table>\n<thead><tr><th>rank</th><th>substance</th><th>kg</th><th>share</th></tr></thead>\n<tbody>\n",
    );
    for e in &s.ranking.entries {
        let _ = writeln!(
            o,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            e.rank,
            esc(&e.label),
            group_thousands(&e.value.to_string()),
            pct(e.share)
        );
    }
    let _ = writeln!(
        o,
        "<tr><td></td><th>total</th><th class=\"n\">{}</th><td class=\"n\">100.00%</td></tr>\n</tbody>\n</table>",
        group_thousands(&s.total_kg.to_string())
    );
    for sec in &b.activities {
        let _ = writeln!(o, "<h2>{}</h2>", esc(&sec.heading));
        for item in &sec.items {
            let _ = writeln!(o, "<h3>{}</h3>\n<ul>", esc(&item.title));
            if !item.places.is_empty() {
                let _ = writeln!(o, "<li><strong>where</strong>: {}</li>", esc(&item.places.join(", ")));
            }
            for (k, v) in item.figures.iter().chain(&item.derived) {
                let _ = writeln!(o, "<li><strong>{}</strong>: {}</li>", esc(k), esc(v));
            }
            for n in &item.notes {
                let _ = writeln!(o, "<li><em>note</em>: {}</li>", esc(n));
            }
            o.push_str("</ul>\n");
        }
    }
    o.push_str("<h2>Data quality</h2>\n<ul class=\"dq\">\n");
    for f in &b.data_quality {
        let _ = writeln!(o, "<li>{}</li>", esc(&f.message));
    }
    o.push_str("</ul>\n</body>\n</html>\n");
    o
}
