//! `minhbach completions SHELL`: prints the shell's completion script
//! (clap_complete) for the Vietnamese command, to be saved where the shell
//! looks for it (see docs/dung-va-dang.md).

use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Loại cửa sổ lệnh: bash, zsh, fish hoặc powershell.
    #[arg(value_name = "SHELL", value_parser = parse_shell)]
    pub shell: Shell,
}

fn parse_shell(s: &str) -> Result<Shell, String> {
    match s.to_ascii_lowercase().as_str() {
        "bash" => Ok(Shell::Bash),
        "zsh" => Ok(Shell::Zsh),
        "fish" => Ok(Shell::Fish),
        "powershell" | "pwsh" => Ok(Shell::PowerShell),
        "elvish" => Ok(Shell::Elvish),
        _ => Err("chọn một trong: bash, zsh, fish, powershell".into()),
    }
}

impl CompletionsArgs {
    pub fn run(self) -> ExitCode {
        let mut cmd = super::command();
        clap_complete::generate(self.shell, &mut cmd, "minhbach", &mut std::io::stdout());
        ExitCode::SUCCESS
    }
}
