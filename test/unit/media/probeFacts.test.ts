import { describe, expect, it } from 'vitest';
import {
  clockwiseRotation,
  decimalToRational,
  factsFromProbe,
  isVariableFrameRate,
  keyframeList,
  parsePacketCsv,
} from '../../../main/ffmpeg/probeFacts';

describe('probe parsing', () => {
  it('turns decimal seconds into exact rationals', () => {
    expect(decimalToRational('1.001000')).toEqual({ num: 1001, den: 1000 });
    expect(decimalToRational('180')).toEqual({ num: 180, den: 1 });
    expect(decimalToRational('N/A')).toBeNull();
  });

  it('reads rotation clockwise from side data (counter-clockwise) or the old rotate tag (clockwise)', () => {
    expect(clockwiseRotation({ index: 0, side_data_list: [{ rotation: -90 }] })).toBe(90);
    expect(clockwiseRotation({ index: 0, side_data_list: [{ rotation: 90 }] })).toBe(270);
    expect(clockwiseRotation({ index: 0, side_data_list: [{ rotation: 180 }] })).toBe(180);
    expect(clockwiseRotation({ index: 0, tags: { rotate: '90' } })).toBe(90);
    expect(clockwiseRotation({ index: 0 })).toBe(0);
  });

  it('tells rounding jitter from a variable frame rate', () => {
    // 29.97 fps in a 1/1000 time base: deltas of 33 and 34 ms are one frame rate.
    const jitter = Array.from({ length: 60 }, (_, index) => Math.round((index * 1001) / 30));
    expect(isVariableFrameRate(jitter)).toBe(false);
    const mixed = [0, 500, 1000, 1500, 1900, 2300, 2700];
    expect(isVariableFrameRate(mixed)).toBe(true);
  });

  it('lists keyframes in presentation order from packets in decode order', () => {
    const packets = parsePacketCsv('0,512,K_\n1536,512,__\n512,512,__\n1024,512,__\n2048,512,K_\n');
    expect(keyframeList(packets, { num: 1, den: 12288 })).toEqual({
      timeBase: { num: 1, den: 12288 },
      pts: [0, 2048],
      frames: [0, 4],
    });
  });

  it('refuses a file without streams and ignores cover art', () => {
    expect(() => factsFromProbe({ streams: [], format: { format_name: 'mp3' } }, null, 10)).toThrow(
      /neither a picture nor sound/,
    );
    const probed = factsFromProbe(
      {
        streams: [
          {
            index: 0,
            codec_type: 'audio',
            codec_name: 'mp3',
            sample_rate: '44100',
            channels: 2,
            time_base: '1/44100',
            duration_ts: 44100,
          },
          {
            index: 1,
            codec_type: 'video',
            codec_name: 'mjpeg',
            width: 300,
            height: 300,
            disposition: { attached_pic: 1 },
          },
        ],
        format: { format_name: 'mp3', duration: '1.000000' },
      },
      null,
      1000,
    );
    expect(probed.kind).toBe('audio');
    expect(probed.facts.video).toBeNull();
    expect(probed.facts.audio?.sampleCount).toBe(44100);
  });
});
