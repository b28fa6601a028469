/* Test harness only, never shipped: Debian's wine 8.0 lacks
 * bcryptprimitives.dll, which Rust's standard library imports on Windows 10+
 * for ProcessPrng (random bytes; real Windows 10 and later have it). This
 * stand-in forwards to RtlGenRandom (advapi32's SystemFunction036), so the
 * real minhbach.exe runs under wine. tools/cross/check.sh builds it into
 * the wine prefix's system32. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
