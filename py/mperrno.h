// Error numbers used with OSError (mp_raise_OSError) and by stream methods.
// These are MicroPython's own numbering, which follows Linux.
#ifndef MP_SDK_PY_MPERRNO_H
#define MP_SDK_PY_MPERRNO_H

#define MP_EPERM (1)            // operation not permitted
#define MP_ENOENT (2)           // no such file or directory
#define MP_ESRCH (3)            // no such process
#define MP_EINTR (4)            // interrupted system call
#define MP_EIO (5)              // I/O error
#define MP_ENXIO (6)            // no such device or address
#define MP_E2BIG (7)            // argument list too long
#define MP_ENOEXEC (8)          // exec format error
#define MP_EBADF (9)            // bad file number
#define MP_ECHILD (10)          // no child processes
#define MP_EAGAIN (11)          // try again
#define MP_ENOMEM (12)          // out of memory
#define MP_EACCES (13)          // permission denied
#define MP_EFAULT (14)          // bad address
#define MP_ENOTBLK (15)         // block device required
#define MP_EBUSY (16)           // device or resource busy
#define MP_EEXIST (17)          // file exists
#define MP_EXDEV (18)           // cross-device link
#define MP_ENODEV (19)          // no such device
#define MP_ENOTDIR (20)         // not a directory
#define MP_EISDIR (21)          // is a directory
#define MP_EINVAL (22)          // invalid argument
#define MP_ENFILE (23)          // file table overflow
#define MP_EMFILE (24)          // too many open files
#define MP_ENOTTY (25)          // not a typewriter
#define MP_ETXTBSY (26)         // text file busy
#define MP_EFBIG (27)           // file too large
#define MP_ENOSPC (28)          // no space left on device
#define MP_ESPIPE (29)          // illegal seek
#define MP_EROFS (30)           // read-only file system
#define MP_EMLINK (31)          // too many links
#define MP_EPIPE (32)           // broken pipe
#define MP_EDOM (33)            // argument out of domain
#define MP_ERANGE (34)          // result not representable
#define MP_EWOULDBLOCK MP_EAGAIN
#define MP_EOPNOTSUPP (95)      // operation not supported
#define MP_EAFNOSUPPORT (97)    // address family not supported
#define MP_EADDRINUSE (98)      // address already in use
#define MP_ECONNABORTED (103)   // connection aborted
#define MP_ECONNRESET (104)     // connection reset by peer
#define MP_ENOBUFS (105)        // no buffer space available
#define MP_EISCONN (106)        // already connected
#define MP_ENOTCONN (107)       // not connected
#define MP_ETIMEDOUT (110)      // timed out
#define MP_ECONNREFUSED (111)   // connection refused
#define MP_EHOSTUNREACH (113)   // no route to host
#define MP_EALREADY (114)       // operation already in progress
#define MP_EINPROGRESS (115)    // operation now in progress
#define MP_ECANCELED (125)      // operation canceled

#endif // MP_SDK_PY_MPERRNO_H
