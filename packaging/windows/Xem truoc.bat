@echo off
rem Xem truoc: chay "minhbach serve --open" trong thu muc chua tep nay,
rem mo trinh duyet; giu cua so mo de xem loi. Dong cua so de dung.
chcp 65001 >nul
cd /d "%~dp0"
minhbach.exe serve --open
set KET_QUA=%ERRORLEVEL%
echo.
if not "%KET_QUA%"=="0" echo Xem trước đã dừng vì lỗi ở trên. Sửa lỗi rồi bấm đúp lại tệp này.
pause
