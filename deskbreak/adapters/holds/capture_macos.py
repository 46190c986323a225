"""Is the microphone in use on macOS? CoreAudio says whether the default input device runs in any process.

``kAudioDevicePropertyDeviceIsRunningSomewhere`` is 1 while some process
runs the device, read through ctypes from the CoreAudio framework (no
entitlement needed). A headset that is both the default input and output
also runs while music plays through it. Tested with a fake CoreAudio; not
run on macOS.
"""

from __future__ import annotations

import ctypes
from typing import Any

COREAUDIO = "/System/Library/Frameworks/CoreAudio.framework/CoreAudio"


def four_char_code(code: str) -> int:
    """CoreAudio's selectors are four ASCII characters read as one big-endian number ('dIn ')."""
    return int.from_bytes(code.encode("ascii"), "big")


SYSTEM_OBJECT = 1  # kAudioObjectSystemObject
UNKNOWN_OBJECT = 0  # kAudioObjectUnknown: no such device
DEFAULT_INPUT_DEVICE = four_char_code("dIn ")  # kAudioHardwarePropertyDefaultInputDevice
IS_RUNNING_SOMEWHERE = four_char_code("gone")  # kAudioDevicePropertyDeviceIsRunningSomewhere
SCOPE_GLOBAL = four_char_code("glob")  # kAudioObjectPropertyScopeGlobal
ELEMENT_MAIN = 0  # kAudioObjectPropertyElementMain


class PropertyAddress(ctypes.Structure):
    """AudioObjectPropertyAddress."""

    _fields_ = [("mSelector", ctypes.c_uint32), ("mScope", ctypes.c_uint32), ("mElement", ctypes.c_uint32)]


class CoreAudioInput:
    """The default input device (the microphone in use) runs somewhere."""

    name = "coreaudio"

    def __init__(self, core_audio: Any = None) -> None:
        if core_audio is None:
            core_audio = ctypes.CDLL(COREAUDIO)
            core_audio.AudioObjectGetPropertyData.argtypes = [
                ctypes.c_uint32, ctypes.POINTER(PropertyAddress), ctypes.c_uint32, ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_uint32), ctypes.c_void_p]
            core_audio.AudioObjectGetPropertyData.restype = ctypes.c_int32
        self._get_property = core_audio.AudioObjectGetPropertyData

    def capturing(self) -> bool | None:
        device = self._read(SYSTEM_OBJECT, DEFAULT_INPUT_DEVICE)
        if device is None or device == UNKNOWN_OBJECT:  # no microphone at all: nothing records
            return None if device is None else False
        running = self._read(device, IS_RUNNING_SOMEWHERE)
        return None if running is None else running != 0

    def _read(self, audio_object: int, selector: int) -> int | None:
        """A UInt32 property of ``audio_object``, or None when CoreAudio reports an error."""
        address = PropertyAddress(selector, SCOPE_GLOBAL, ELEMENT_MAIN)
        value = ctypes.c_uint32(0)
        size = ctypes.c_uint32(ctypes.sizeof(value))
        status = self._get_property(audio_object, ctypes.pointer(address), 0, None, ctypes.pointer(size),
                                    ctypes.pointer(value))
        return value.value if status == 0 else None
