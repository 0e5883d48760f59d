import { describe, expect, it } from 'vitest';
import { pageSubjectKeys, subjectKey, titleSubjects } from './search-title-subject';

const glossary = [
  ['Service', '服务', 'svc'],
  ['Headless Service', '无头服务'],
  ['Kubernetes API', 'Kubernetes API 接口', 'K8s API'],
  ['Pod', '容器组'],
  ['Deployment', '部署'],
  ['pause container', 'Pause 容器'],
  ['Probe', '探针'],
  ['Volume', '存储卷', '卷'],
  ['Scheduling', '调度'],
  ['Harbor'],
];
const allNames = ['Kubernetes', 'K8s', ...glossary.flat()];

describe('titleSubjects', () => {
  it('finds the term a title defines, surveys or asks to be understood', () => {
    expect(titleSubjects('Kubernetes 的 Service 是什么？', allNames)).toEqual(['Service']);
    expect(titleSubjects('谈谈你对 Kubernetes 的理解：什么是容器编排？', allNames)).toEqual(['Kubernetes']);
    expect(titleSubjects('Kubernetes 集群架构是怎样的？有哪些核心组件？', allNames)).toEqual(['Kubernetes']);
    expect(titleSubjects('Harbor 有哪些组件？', allNames)).toEqual(['Harbor']);
    expect(titleSubjects('探针有哪些？探测方法有哪些？', allNames)).toEqual(['探针']);
    expect(titleSubjects('Pause 容器有什么用？', allNames)).toEqual(['Pause 容器']);
    expect(titleSubjects('Kubernetes 的存储卷（Volume）有哪些类型？', allNames)).toEqual(['存储卷']);
  });

  it('takes every name of a listed subject: 什么是 A 和 B, A、B、C 的关系, A、B 怎么用', () => {
    expect(titleSubjects('Pod、Deployment、Service 的关系是什么？', allNames)).toEqual(['Pod', 'Deployment', 'Service']);
    expect(titleSubjects('Kubernetes 的存储卷有哪些类型？Pod 和 Service 怎么用？', allNames)).toEqual(['存储卷', 'Pod', 'Service']);
  });

  it('does not take a name that is part of a longer one, or a term the title only mentions', () => {
    // The longest name wins when every glossary name is known…
    expect(titleSubjects('Kubernetes API 是什么？', allNames)).toEqual(['Kubernetes API']);
    // …and with only the reader's term known, a Latin word next to it shows it is part of a longer name.
    expect(titleSubjects('Kubernetes API 是什么？', ['Kubernetes', 'K8s'])).toEqual([]);
    expect(titleSubjects('什么是 Headless Service？', ['Service', '服务'])).toEqual([]);
    expect(titleSubjects('简述 Pod 的创建过程', allNames)).toEqual([]);
    expect(titleSubjects('Kubernetes 的调度流程是怎样的？', ['调度', 'Scheduling'])).toEqual([]);
    expect(titleSubjects('Calico 和 Flannel 有什么区别？', ['Calico', 'Flannel'])).toEqual([]);
    expect(titleSubjects('如何配置 HPA 进行自动扩容？', ['HPA'])).toEqual([]);
  });
});

describe('pageSubjectKeys', () => {
  it('names each subject of the title and its other wordings by the key of its English name', () => {
    expect(pageSubjectKeys(['Kubernetes 的 Service 是什么？', 'k8s 的 svc 是什么'], glossary)).toEqual(['service']);
    expect(pageSubjectKeys(['谈谈你对 k8s 的理解'], glossary)).toEqual(['kubernetes']);
    expect(pageSubjectKeys(['探针有哪些？'], glossary)).toEqual(['probe']);
    expect(pageSubjectKeys(['Pod 的 DNS 解析流程是怎样的？'], glossary)).toEqual([]);
  });
});

describe('subjectKey', () => {
  it('is the product for any name of it, else the English name', () => {
    expect(subjectKey(['k8s', 'Kubernetes'])).toBe('kubernetes');
    expect(subjectKey(['Headless Service', '无头服务'])).toBe('headlessservice');
    expect(subjectKey(['无头服务'])).toBeUndefined();
  });
});
