@echo off
rem Xem truoc: chay "minhbach serve --open" trong thu muc chua tep nay
rem (mo trinh duyet). Dong cua so de dung xem truoc.
cd /d "%~dp0"
if not exist minhbach.exe (
  echo Khong thay minhbach.exe: giai nen ca thu muc roi bam dup lai.
  echo Nhan phim bat ky de dong cua so nay.
  pause >nul
  exit /b 1
)
minhbach.exe serve --open --pause
