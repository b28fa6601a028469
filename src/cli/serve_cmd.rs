//! `minhbach serve`: live preview. Parses the options and hands over to
//! [`crate::serve`]; all the work happens there.

use std::net::IpAddr;
use std::process::ExitCode;

use clap::Args;

use super::{Global, SiteArgs};
use crate::serve::{self, ServeOptions};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Cổng mạng; nếu đang bận thì dùng cổng trống kế tiếp.
    #[arg(short, long, value_name = "CỔNG", default_value_t = 1111, value_parser = parse_port)]
    pub port: u16,
    /// Địa chỉ lắng nghe; mặc định chỉ máy này (127.0.0.1).
    #[arg(long, value_name = "ĐỊA_CHỈ", default_value = "127.0.0.1", value_parser = parse_ip)]
    pub bind: IpAddr,
    /// Mở trình duyệt khi máy chủ sẵn sàng.
    #[arg(long, visible_alias = "mo-trinh-duyet")]
    pub open: bool,
}

impl ServeArgs {
    pub fn run(self, g: &Global) -> ExitCode {
        let opts = ServeOptions {
            root: g.root.clone(),
            bind: self.bind,
            port: self.port,
            open: self.open,
            today: self.site.today(),
            drafts: self.site.drafts,
        };
        match serve::run(opts) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("lỗi: {msg}");
                ExitCode::from(1)
            }
        }
    }
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.parse::<u16>()
        .map_err(|_| "cổng là một số từ 1 đến 65535, ví dụ 1111".to_owned())
}

fn parse_ip(s: &str) -> Result<IpAddr, String> {
    s.parse::<IpAddr>().map_err(|_| {
        "địa chỉ IP dạng 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (cả mạng nội bộ)".to_owned()
    })
}
