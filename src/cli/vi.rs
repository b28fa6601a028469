//! The Vietnamese face of clap: help templates with Vietnamese headings, our
//! own `-h/--help` and `-V/--version` flags, the words clap writes into usage
//! lines, and command-line errors rendered from clap's error kind and context
//! (clap's own messages are English and are never printed).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// `0.1.0 (mã nguồn ngày 2026-12-05, 4aa2f2d)`; the date and commit come
/// from git at build time (`build.rs`), or say they are unknown.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("MINHBACH_SOURCE_INFO"),
    ")"
);

/// Applies the Vietnamese templates and flags to `cmd` and every subcommand.
pub fn localize(cmd: Command) -> Command {
    let cmd = cmd
        .version(VERSION)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In phiên bản và ngày của mã nguồn")
                .help_heading(COMMON),
        )
        .arg_required_else_help(true);
    localize_tree(cmd)
}

fn localize_tree(cmd: Command) -> Command {
    let cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_value_name("LỆNH")
        .subcommand_help_heading("Các lệnh")
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Xem hướng dẫn này")
                .help_heading(COMMON),
        )
        // Every argument gets a heading, so clap's `{all-args}` writes no
        // English one: the command's own arguments and options first, then
        // the options every command shares (`--root`, `-q`, `-v`, `-h`).
        .mut_args(|a| match a.get_help_heading() {
            Some(_) => a,
            None if a.is_positional() => a.help_heading("Đối số"),
            None => a.help_heading("Tuỳ chọn"),
        });
    cmd.help_template("{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}\n")
        .mut_subcommands(localize_tree)
}

/// The heading of the options every command accepts.
pub const COMMON: &str = "Tuỳ chọn chung";

/// Replaces the few English words clap writes itself into help and usage.
pub fn localize_text(text: &str) -> String {
    text.replace("[OPTIONS]", "[TUỲ_CHỌN]")
        .replace("[default: ", "[mặc định: ")
        .replace("[possible values: ", "[một trong: ")
        .replace("[aliases: ", "[tên khác: ")
        .replace("[alias: ", "[tên khác: ")
        .replace("[short aliases: ", "[tên khác: ")
}

/// How the process ends after a clap error.
pub struct Rendered {
    pub text: String,
    pub to_stdout: bool,
    pub code: u8,
}

/// Renders a clap error (or help/version request) in Vietnamese.
pub fn render(e: &clap::Error) -> Rendered {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Rendered {
            text: with_newline(localize_text(&e.render().to_string())),
            to_stdout: true,
            code: 0,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Rendered {
            text: localize_text(&e.render().to_string()),
            to_stdout: false,
            code: 2,
        },
        _ => Rendered {
            text: error_text(e),
            to_stdout: false,
            code: 2,
        },
    }
}

fn strings(v: Option<&ContextValue>) -> Vec<String> {
    match v {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|s| format!("“{s}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn error_text(e: &clap::Error) -> String {
    let get = |k: ContextKind| strings(e.get(k));
    let one = |k: ContextKind| get(k).into_iter().next().unwrap_or_default();
    let arg = one(ContextKind::InvalidArg);
    let value = one(ContextKind::InvalidValue);
    let mut hint: Option<String> = None;
    let message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            if let Some(s) = get(ContextKind::SuggestedSubcommand).first() {
                hint = Some(format!("có phải ý bạn là `{s}`?"));
            }
            format!("không có lệnh “{}”", one(ContextKind::InvalidSubcommand))
        }
        ErrorKind::UnknownArgument => {
            if let Some(s) = get(ContextKind::SuggestedArg).first() {
                hint = Some(format!("có phải ý bạn là `{s}`?"));
            } else if let Some(s) = get(ContextKind::SuggestedSubcommand).first() {
                hint = Some(format!("có phải ý bạn là lệnh `{s}`?"));
            }
            if arg.starts_with('-') {
                format!("lệnh này không có tuỳ chọn “{arg}”")
            } else {
                if hint.is_none() && arg.contains(' ') {
                    hint = Some("đặt cả cụm có dấu cách trong ngoặc kép".into());
                } else if hint.is_none() {
                    hint = Some(
                        "kiểm tra thứ tự: tên lệnh trước, rồi các tuỳ chọn; giá trị có dấu cách đặt trong ngoặc kép"
                            .into(),
                    );
                }
                format!("thừa “{arg}” trên dòng lệnh")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = get(ContextKind::InvalidArg);
            format!("thiếu {}", quoted(&missing))
        }
        ErrorKind::MissingSubcommand => "thiếu tên lệnh".to_owned(),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if value.is_empty() {
                hint = Some(format!("viết giá trị ngay sau {arg}"));
                format!("“{arg}” cần một giá trị")
            } else {
                if !valid.is_empty() {
                    hint = Some(format!("chọn một trong: {}", valid.join(", ")));
                }
                if let Some(s) = get(ContextKind::SuggestedValue).first() {
                    hint = Some(format!("có phải ý bạn là `{s}`?"));
                }
                format!("giá trị “{value}” không dùng được cho {arg}")
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("giá trị “{value}” không dùng được cho {arg}: {why}")
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            format!("không dùng {arg} cùng với {}", quoted(&other))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("số giá trị cho {arg} không đúng")
        }
        ErrorKind::NoEquals => format!("viết giá trị của {arg} sau dấu “=”"),
        ErrorKind::InvalidUtf8 => "dòng lệnh có ký tự không đọc được (không phải UTF-8)".into(),
        _ => "dòng lệnh không hợp lệ".to_owned(),
    };
    let usage = get(ContextKind::Usage)
        .into_iter()
        .next()
        .map(|u| u.trim().trim_start_matches("Usage:").trim().to_owned());
    let mut out = format!("lỗi: {message}\n");
    if let Some(h) = hint {
        out.push_str(&format!("  = gợi ý: {h}\n"));
    }
    let usage = usage.filter(|u| !u.is_empty()).map(|u| localize_text(&u));
    // "minhbach new post <TIÊU_ĐỀ>" → "minhbach new post"
    let command: String = usage
        .as_deref()
        .unwrap_or("minhbach")
        .split(' ')
        .take_while(|w| !w.starts_with(['[', '<']))
        .collect::<Vec<_>>()
        .join(" ");
    out.push('\n');
    if let Some(u) = &usage {
        out.push_str(&format!("Cách dùng: {u}\n"));
    }
    out.push_str(&format!("Xem hướng dẫn: {command} --help\n"));
    out
}

fn with_newline(mut s: String) -> String {
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}
