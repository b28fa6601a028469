@echo off
rem Dung trang: chay "minhbach build" trong thu muc chua tep nay;
rem cua so cho nhan Enter de doc ket qua hoac danh sach loi.
cd /d "%~dp0"
if not exist minhbach.exe (
  echo Khong thay minhbach.exe: giai nen ca thu muc roi bam dup lai.
  echo Nhan phim bat ky de dong cua so nay.
  pause >nul
  exit /b 1
)
minhbach.exe build --pause
