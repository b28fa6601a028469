@echo off
rem Dung trang: chay "minhbach build" trong thu muc chua tep nay;
rem giu cua so mo voi ket qua hoac danh sach loi.
chcp 65001 >nul
cd /d "%~dp0"
minhbach.exe build
set KET_QUA=%ERRORLEVEL%
echo.
if "%KET_QUA%"=="0" echo Xong. Làm theo dòng hướng dẫn ở trên để mở trang.
if not "%KET_QUA%"=="0" echo Chưa dựng được trang. Sửa các lỗi liệt kê ở trên rồi bấm đúp lại tệp này.
pause
