//! Bounds-checked access to guest linear memory for WASI functions: every pointer and length the
//! guest passes goes through here, and a bad one becomes [`Errno::Fault`], never a panic.

use super::errno::Errno;

/// The bytes `[ptr, ptr + len)` of `mem`.
pub(crate) fn slice(mem: &[u8], ptr: u32, len: u32) -> Result<&[u8], Errno> {
    let start = ptr as usize;
    start.checked_add(len as usize).and_then(|end| mem.get(start..end)).ok_or(Errno::Fault)
}

/// The bytes `[ptr, ptr + len)` of `mem`, mutably.
pub(crate) fn slice_mut(mem: &mut [u8], ptr: u32, len: u32) -> Result<&mut [u8], Errno> {
    let start = ptr as usize;
    start.checked_add(len as usize).and_then(|end| mem.get_mut(start..end)).ok_or(Errno::Fault)
}

/// Reads a little-endian `u32` at `ptr`.
pub(crate) fn read_u32(mem: &[u8], ptr: u32) -> Result<u32, Errno> {
    let bytes = slice(mem, ptr, 4)?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// Writes a little-endian `u32` at `ptr`.
pub(crate) fn write_u32(mem: &mut [u8], ptr: u32, value: u32) -> Result<(), Errno> {
    slice_mut(mem, ptr, 4)?.copy_from_slice(&value.to_le_bytes());
    Ok(())
}

/// Reads a little-endian `u16` at `ptr`.
pub(crate) fn read_u16(mem: &[u8], ptr: u32) -> Result<u16, Errno> {
    let bytes = slice(mem, ptr, 2)?;
    Ok(u16::from_le_bytes([bytes[0], bytes[1]]))
}

/// Reads a little-endian `u64` at `ptr`.
pub(crate) fn read_u64(mem: &[u8], ptr: u32) -> Result<u64, Errno> {
    let bytes = slice(mem, ptr, 8)?;
    Ok(u64::from_le_bytes(bytes.try_into().expect("8 bytes")))
}

/// Writes a little-endian `u64` at `ptr`.
pub(crate) fn write_u64(mem: &mut [u8], ptr: u32, value: u64) -> Result<(), Errno> {
    slice_mut(mem, ptr, 8)?.copy_from_slice(&value.to_le_bytes());
    Ok(())
}

/// The path string `[ptr, ptr + len)`: `Fault` when out of bounds, `Ilseq` when not UTF-8 (as
/// wasmtime), `Inval` when it contains a NUL byte (no host path can).
pub(crate) fn path(mem: &[u8], ptr: u32, len: u32) -> Result<&str, Errno> {
    let bytes = slice(mem, ptr, len)?;
    let text = std::str::from_utf8(bytes).map_err(|_| Errno::Ilseq)?;
    if bytes.contains(&0) {
        return Err(Errno::Inval);
    }
    Ok(text)
}

/// `(buf, buf_len)` pairs of guest buffers.
pub(crate) type Iovecs = smallvec::SmallVec<[(u32, u32); 4]>;

/// The `(buf, buf_len)` pairs of the `len` (c)iovecs at `iovs`, each checked to lie in `mem`.
/// Fails with `Fault` for any out-of-bounds array or buffer and `Inval` when the lengths add up
/// to more than the `u32` byte count WASI reports back.
pub(crate) fn iovecs(mem: &[u8], iovs: u32, len: u32) -> Result<Iovecs, Errno> {
    let array_len = len.checked_mul(CIOVEC_SIZE).ok_or(Errno::Fault)?;
    let array = slice(mem, iovs, array_len)?;
    let mut total: u32 = 0;
    let mut out = Iovecs::new();
    for iov in array.chunks_exact(CIOVEC_SIZE as usize) {
        let (buf, buf_len) = (read_u32(iov, 0)?, read_u32(iov, 4)?);
        slice(mem, buf, buf_len)?;
        total = total.checked_add(buf_len).ok_or(Errno::Inval)?;
        out.push((buf, buf_len));
    }
    Ok(out)
}

/// Size of a preview1 `ciovec` (`buf: u32`, `buf_len: u32`).
const CIOVEC_SIZE: u32 = 8;

/// Writes a list of NUL-terminated strings the way `args_get`/`environ_get` return them: the
/// strings back to back at `buf`, and a pointer to each at `ptrs` (a `u32` array).
pub(crate) fn write_string_list(mem: &mut [u8], list: &StringList, ptrs: u32, buf: u32) -> Result<(), Errno> {
    let count = u32::try_from(list.offsets.len()).map_err(|_| Errno::Overflow)?;
    let blob_len = u32::try_from(list.blob.len()).map_err(|_| Errno::Overflow)?;
    slice_mut(mem, buf, blob_len)?;
    let ptr_array = slice_mut(mem, ptrs, count.checked_mul(4).ok_or(Errno::Fault)?)?;
    for (slot, &offset) in ptr_array.chunks_exact_mut(4).zip(list.offsets.iter()) {
        let ptr = buf.checked_add(offset).ok_or(Errno::Fault)?;
        slot.copy_from_slice(&ptr.to_le_bytes());
    }
    slice_mut(mem, buf, blob_len)?.copy_from_slice(&list.blob);
    Ok(())
}

/// Strings stored as WASI hands them to the guest: NUL-terminated, back to back, with the offset
/// of each. Cheap to clone, so a host function can hold it while it borrows guest memory.
#[derive(Debug, Clone, Default)]
pub(crate) struct StringList {
    blob: std::sync::Arc<[u8]>,
    offsets: std::sync::Arc<[u32]>,
}

impl StringList {
    /// The list of `items`; fails naming the first item that contains a NUL byte.
    pub(crate) fn new<I: AsRef<[u8]>>(items: impl IntoIterator<Item = I>) -> Result<StringList, Vec<u8>> {
        let mut blob = Vec::new();
        let mut offsets = Vec::new();
        for item in items {
            let item = item.as_ref();
            if item.contains(&0) {
                return Err(item.to_vec());
            }
            offsets.push(blob.len() as u32);
            blob.extend_from_slice(item);
            blob.push(0);
        }
        Ok(StringList { blob: blob.into(), offsets: offsets.into() })
    }

    /// Number of strings.
    pub(crate) fn count(&self) -> u32 {
        self.offsets.len() as u32
    }

    /// Bytes needed for all strings including their NULs.
    pub(crate) fn buf_size(&self) -> u32 {
        self.blob.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iov(mem: &mut [u8], at: u32, buf: u32, len: u32) {
        write_u32(mem, at, buf).unwrap();
        write_u32(mem, at + 4, len).unwrap();
    }

    #[test]
    fn reads_iovecs_in_order() {
        let mut mem = vec![0u8; 64];
        iov(&mut mem, 0, 32, 5);
        iov(&mut mem, 8, 40, 7);
        iov(&mut mem, 16, 63, 0);
        assert_eq!(iovecs(&mem, 0, 3).unwrap().as_slice(), &[(32, 5), (40, 7), (63, 0)]);
    }

    #[test]
    fn out_of_bounds_ciovecs_fault() {
        let mut mem = vec![0u8; 64];
        iov(&mut mem, 0, 60, 5);
        assert_eq!(iovecs(&mem, 0, 1), Err(Errno::Fault));
        iov(&mut mem, 0, u32::MAX, 2);
        assert_eq!(iovecs(&mem, 0, 1), Err(Errno::Fault));
        assert_eq!(iovecs(&mem, 60, 1), Err(Errno::Fault));
        assert_eq!(iovecs(&mem, 0, u32::MAX), Err(Errno::Fault));
        assert_eq!(iovecs(&mem, u32::MAX, 1), Err(Errno::Fault));
        // A buffer past the end faults before its length is added up.
        iov(&mut mem, 0, 0, 40);
        iov(&mut mem, 8, 0, u32::MAX - 20);
        assert_eq!(iovecs(&mem, 0, 2), Err(Errno::Fault));
    }

    #[test]
    fn paths_must_be_utf8_without_nul() {
        let mem = b"ok\xffa\0b".to_vec();
        assert_eq!(path(&mem, 0, 2), Ok("ok"));
        assert_eq!(path(&mem, 0, 3), Err(Errno::Ilseq));
        assert_eq!(path(&mem, 3, 3), Err(Errno::Inval));
        assert_eq!(path(&mem, 3, 30), Err(Errno::Fault));
    }

    #[test]
    fn string_lists_are_nul_terminated_with_pointers() {
        let list = StringList::new(["prog", "", "x=1"]).unwrap();
        assert_eq!((list.count(), list.buf_size()), (3, 10));
        let mut mem = vec![0u8; 64];
        write_string_list(&mut mem, &list, 0, 16).unwrap();
        assert_eq!(&mem[16..26], b"prog\0\0x=1\0");
        assert_eq!([read_u32(&mem, 0), read_u32(&mem, 4), read_u32(&mem, 8)], [Ok(16), Ok(21), Ok(22)]);
        assert_eq!(write_string_list(&mut mem, &list, 0, 60), Err(Errno::Fault));
        assert_eq!(write_string_list(&mut mem, &list, 56, 16), Err(Errno::Fault));
        assert!(StringList::new(["a\0b"]).is_err());
    }
}
