//! `kennisbank signals`: record today's headline signal of every effect and row whose signal
//! changed since the ledger (`content/signalen.yaml`) last recorded it. The build itself never
//! writes the ledger and never reads the clock; this command is where the date comes from.

use std::process::ExitCode;

use anyhow::Context as _;
use kennisbank::i18n::{Lang, Msg};
use kennisbank::load::{LEDGER_FILE, ledger_yaml};
use kennisbank::model::PartialDate;

use super::SignalsArgs;
use super::report::{self, Format};

pub fn run(args: &SignalsArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let graph = match kennisbank::site::graph(&args.site.options()) {
        Ok(checked) => checked.into_parts().0,
        Err(diagnostics) => {
            report::print(&diagnostics, Format::Human, lang)?;
            return Ok(ExitCode::from(1));
        }
    };
    let today = match &args.date {
        Some(text) => PartialDate::parse(text)
            .filter(|d| d.is_day())
            .with_context(|| Msg::SignalsBadDate.with("text", text.as_str()))?,
        None => PartialDate::from_day(time::OffsetDateTime::now_utc().date()),
    };
    let path = args.site.root.join("content").join(LEDGER_FILE);
    match graph.changes.ledger.updated(&graph, today) {
        Some((data, added)) => {
            std::fs::write(&path, ledger_yaml(&data)?)
                .with_context(|| Msg::CannotWrite.with("path", &path))?;
            let message = Msg::SignalsRecorded
                .with("count", added)
                .with("date", today.to_string())
                .with("path", &path);
            eprintln!("{}", message.text(lang));
        }
        None => eprintln!("{}", Msg::SignalsCurrent.with("path", &path).text(lang)),
    }
    Ok(ExitCode::SUCCESS)
}
