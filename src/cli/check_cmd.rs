//! `minhbach check`: everything `build` does except writing; lists every
//! problem at once, including warnings.

use std::process::ExitCode;

use clap::Args;

use super::{SiteArgs, report};
use crate::build::{BuildOptions, build_site};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

impl CheckArgs {
    pub fn run(self) -> ExitCode {
        let opts = BuildOptions {
            root: self.site.root.clone(),
            base_url: None,
            today: self.site.today(),
            drafts: self.site.drafts,
            check: true,
        };
        match build_site(&opts) {
            Ok(built) => {
                report::print(&built.diagnostics);
                eprintln!(
                    "Không có lỗi ({} trang, {}).",
                    built.output.page_count(),
                    report::summary(&built.diagnostics)
                );
                ExitCode::SUCCESS
            }
            Err(diags) => {
                report::print(&diags);
                eprintln!("Tìm thấy {}.", report::summary(&diags));
                ExitCode::from(1)
            }
        }
    }
}
